import type {
  OpenSloRatioMetric,
  SloTimeWindow,
} from '@unyo/plugin-ops-common';
import { alphaWindowDuration } from './durations';
import {
  at,
  FieldError,
  isFields,
  optionalList,
  optionalString,
  requiredFields,
  requiredString,
  type Fields,
} from './fields';
import { outcomeOf, prometheusQuery } from './outcome';
import type { SloOutcome } from './types';

/** OpenSLO v1alpha, the version Sloth reads. */
export function isOpenSloAlpha(doc: Fields): boolean {
  return doc.apiVersion === 'openslo/v1alpha' && doc.kind === 'SLO';
}

/** `{ source: prometheus, queryType: promql, query }` as a Prometheus query. */
function alphaQuery(metrics: Fields, key: string, path: string) {
  const metric = requiredFields(metrics, key, path);
  const metricPath = at(path, key);
  const source = optionalString(metric, 'source', metricPath);
  if (source && !['prometheus', 'sloth'].includes(source.toLowerCase())) {
    throw new FieldError(
      at(metricPath, 'source'),
      `"${source}" is not a Prometheus source`,
    );
  }
  const queryType = optionalString(metric, 'queryType', metricPath);
  if (queryType && queryType.toLowerCase() !== 'promql') {
    throw new FieldError(
      at(metricPath, 'queryType'),
      `"${queryType}" is not promql`,
    );
  }
  return prometheusQuery(requiredString(metric, 'query', metricPath));
}

function alphaTimeWindow(spec: Fields): SloTimeWindow[] | undefined {
  const windows = optionalList(spec, 'timeWindows', 'spec');
  if (!windows?.length) return undefined;
  if (windows.length > 1) {
    throw new FieldError('spec.timeWindows', 'has more than one window');
  }
  const [window] = windows;
  if (!isFields(window)) {
    throw new FieldError('spec.timeWindows[0]', 'must be a mapping');
  }
  const duration = alphaWindowDuration(window.count, window.unit);
  if (!duration) {
    throw new FieldError(
      'spec.timeWindows[0]',
      `count ${JSON.stringify(window.count)} and unit ${JSON.stringify(
        window.unit,
      )} are not a whole number of minutes, hours, days, weeks, months, quarters or years`,
    );
  }
  if (window.isRolling === false) {
    const calendar = requiredFields(window, 'calendar', 'spec.timeWindows[0]');
    return [
      {
        duration,
        isRolling: false,
        calendar: {
          startTime: requiredString(
            calendar,
            'startTime',
            'spec.timeWindows[0].calendar',
          ),
          timeZone: requiredString(
            calendar,
            'timeZone',
            'spec.timeWindows[0].calendar',
          ),
        },
      },
    ];
  }
  return [{ duration, isRolling: true }];
}

/**
 * An OpenSLO v1alpha SLO as Sloth reads it: each objective carries its own
 * ratio queries, so each becomes an SLO (`<name>-<index>`, Sloth's naming,
 * when there are several). Throws a FieldError when the document itself is
 * unusable.
 */
export function convertOpenSloAlpha(doc: Fields): SloOutcome[] {
  const metadata = requiredFields(doc, 'metadata', '');
  const name = requiredString(metadata, 'name', 'metadata');
  const displayName = optionalString(metadata, 'displayName', 'metadata');
  const spec = requiredFields(doc, 'spec', '');
  const service = requiredString(spec, 'service', 'spec');
  const description = optionalString(spec, 'description', 'spec');
  const method = optionalString(spec, 'budgetingMethod', 'spec');
  if (method && method !== 'Occurrences') {
    throw new FieldError(
      'spec.budgetingMethod',
      `"${method}" is not converted: Sloth's OpenSLO reader, and this importer, take Occurrences`,
    );
  }
  const timeWindow = alphaTimeWindow(spec);
  const objectives = optionalList(spec, 'objectives', 'spec');
  if (!objectives?.length)
    throw new FieldError('spec.objectives', 'is missing');

  return objectives.map((objective, i) => {
    const path = at('spec.objectives', i);
    const sloName = objectives.length > 1 ? `${name}-${i}` : name;
    return outcomeOf(sloName, () => {
      if (!isFields(objective)) throw new FieldError(path, 'must be a mapping');
      const metrics = requiredFields(objective, 'ratioMetrics', path);
      const metricsPath = at(path, 'ratioMetrics');
      const ratioMetric: OpenSloRatioMetric = {
        counter: false,
        good: alphaQuery(metrics, 'good', metricsPath),
        total: alphaQuery(metrics, 'total', metricsPath),
      };
      const target = objective.target ?? objective.budgetTarget;
      if (typeof target !== 'number' || !(target > 0 && target < 1)) {
        throw new FieldError(
          at(path, 'target'),
          `must be a ratio above 0 and below 1, got ${JSON.stringify(target)}`,
        );
      }
      const objectiveName = optionalString(objective, 'displayName', path);
      return {
        name: sloName,
        nameField: 'metadata.name',
        ...(displayName ? { displayName } : {}),
        labels: {},
        labelsField: 'metadata.labels',
        spec: {
          ...(description ? { description } : {}),
          service,
          indicator: { spec: { ratioMetric } },
          timeWindow: timeWindow ?? [{ duration: '30d', isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [
            {
              ...(objectiveName ? { displayName: objectiveName } : {}),
              target,
            },
          ],
        },
        assumed: timeWindow ? [] : ['spec.timeWindow'],
        notConverted: [],
      };
    });
  });
}
