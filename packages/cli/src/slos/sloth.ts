import type { OpenSloRatioMetric } from '@unyo/plugin-ops-common';
import {
  at,
  FieldError,
  firstKey,
  isFields,
  optionalFields,
  optionalList,
  optionalString,
  percent,
  presentKeys,
  requiredFields,
  requiredString,
  type Fields,
} from './fields';
import { ALERTING_REASON, outcomeOf, prometheusQuery } from './outcome';
import type { FieldNote, SloOutcome } from './types';

/** Sloth's `--default-slo-period`: its specs state no window. */
const SLOTH_DEFAULT_WINDOW = '30d';

/** `version: prometheus/v1`, or the same spec as a Kubernetes resource. */
export function slothFormat(doc: Fields): string | undefined {
  if (doc.version === 'prometheus/v1') return 'Sloth prometheus/v1';
  if (
    doc.apiVersion === 'sloth.slok.dev/v1' &&
    doc.kind === 'PrometheusServiceLevel'
  ) {
    return 'Sloth PrometheusServiceLevel (sloth.slok.dev/v1)';
  }
  return undefined;
}

/** Sloth's SLI: events (error/total queries), raw (an error ratio) or a plugin. */
function slothSli(sli: Fields, path: string): OpenSloRatioMetric {
  const kinds = presentKeys(sli, ['events', 'raw', 'plugin']);
  if (kinds.length !== 1) {
    throw new FieldError(
      path,
      kinds.length
        ? `has ${kinds.join(
            ' and ',
          )}: Sloth takes one of events, raw and plugin`
        : 'has none of events, raw and plugin',
    );
  }
  const [kind] = kinds;
  const body = requiredFields(sli, kind, path);
  const bodyPath = at(path, kind);
  if (kind === 'events') {
    const error = requiredString(
      body,
      firstKey(body, ['error_query', 'errorQuery']),
      bodyPath,
    );
    const total = requiredString(
      body,
      firstKey(body, ['total_query', 'totalQuery']),
      bodyPath,
    );
    // Sloth's queries are rates over {{.window}}: kept as written.
    return {
      counter: false,
      bad: prometheusQuery(error),
      total: prometheusQuery(total),
    };
  }
  if (kind === 'raw') {
    const ratio = requiredString(
      body,
      firstKey(body, ['error_ratio_query', 'errorRatioQuery']),
      bodyPath,
    );
    return { rawType: 'failure', raw: prometheusQuery(ratio) };
  }
  const id = optionalString(body, 'id', bodyPath) ?? '(no id)';
  throw new FieldError(
    bodyPath,
    `Sloth SLI plugin "${id}" builds its queries in Go code Unyo does not run; write them as sli.events`,
  );
}

/**
 * A Sloth spec's SLOs (`slos[]`), named `<service>-<name>` as Sloth names
 * their rules. Throws a FieldError when the document itself is unusable.
 */
export function convertSloth(doc: Fields): SloOutcome[] {
  const kubernetes = doc.version !== 'prometheus/v1';
  const base = kubernetes ? 'spec' : '';
  const spec = kubernetes ? requiredFields(doc, 'spec', '') : doc;
  const service = requiredString(spec, 'service', base);
  const groupLabels = optionalFields(spec, 'labels', base) ?? {};
  const slos = optionalList(spec, 'slos', base);
  if (!slos?.length) throw new FieldError(at(base, 'slos'), 'has no SLO');

  const documentNotes: FieldNote[] = [];
  const pluginsKey = firstKey(spec, ['slo_plugins', 'sloPlugins']);
  if (spec[pluginsKey] !== undefined) {
    documentNotes.push({
      field: at(base, pluginsKey),
      reason:
        'not converted: Sloth plugins change the rules Sloth writes; Unyo evaluates the SLI itself',
    });
  }
  if (kubernetes) {
    const metadata = isFields(doc.metadata) ? doc.metadata : {};
    for (const key of presentKeys(metadata, ['namespace', 'labels'])) {
      documentNotes.push({
        field: at('metadata', key),
        reason:
          'not converted: it places the Kubernetes resource Sloth reads, not the SLO',
      });
    }
  }

  return slos.map((raw, i) => {
    const path = at(at(base, 'slos'), i);
    const label =
      isFields(raw) && typeof raw.name === 'string' ? raw.name : path;
    return outcomeOf(label, () => {
      if (!isFields(raw)) throw new FieldError(path, 'must be a mapping');
      const name = requiredString(raw, 'name', path);
      const objective = percent(raw, 'objective', path);
      const description = optionalString(raw, 'description', path);
      const indicator = slothSli(
        requiredFields(raw, 'sli', path),
        at(path, 'sli'),
      );
      const notConverted = [...documentNotes];
      if (raw.alerting !== undefined) {
        notConverted.push({
          field: at(path, 'alerting'),
          reason: ALERTING_REASON,
        });
      }
      if (raw.plugins !== undefined) {
        notConverted.push({
          field: at(path, 'plugins'),
          reason:
            'not converted: Sloth plugins change the rules Sloth writes; Unyo evaluates the SLI itself',
        });
      }
      const labels = {
        ...groupLabels,
        ...(optionalFields(raw, 'labels', path) ?? {}),
      };
      return {
        name: `${service}-${name}`,
        nameField: at(path, 'name'),
        labels,
        labelsField: at(base, 'labels'),
        spec: {
          ...(description ? { description } : {}),
          service,
          indicator: { spec: { ratioMetric: indicator } },
          timeWindow: [{ duration: SLOTH_DEFAULT_WINDOW, isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ targetPercent: objective }],
        },
        assumed: ['spec.timeWindow'],
        notConverted,
      };
    });
  });
}
