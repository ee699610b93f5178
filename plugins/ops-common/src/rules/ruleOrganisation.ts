import {
  ANNOTATION_RULE_ANNOTATIONS,
  ANNOTATION_RULE_LABELS,
  ANNOTATION_RULE_SEVERITIES,
  SloEntity,
} from '../kinds';
import { escapeTemplate } from './ruleLabels';
import type { SloRuleOptions } from './types';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** What an organisation adds to an SLO's burn-rate alerts. */
export interface RuleOrganisation {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  severities: { page?: string; ticket?: string };
  /** Entries that could not be used, with why: written above the group. */
  notes: string[];
}

/** `name=value` entries of an annotation; bad ones are noted, not used. */
function pairs(
  text: string | undefined,
  annotation: string,
  separator: RegExp,
  notes: string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of (text ?? '').split(separator)) {
    if (!entry.trim()) continue;
    const at = entry.indexOf('=');
    const name = at > 0 ? entry.slice(0, at).trim() : '';
    if (!LABEL_NAME.test(name)) {
      notes.push(
        `${annotation}: "${entry.trim()}" is not name=value with a label name; not used`,
      );
      continue;
    }
    out[name] = entry.slice(at + 1).trim();
  }
  return out;
}

/**
 * The configured labels, annotations and severity names (`ops.slo.rules`),
 * overridden per name by the SLO's own annotations. Names the generator
 * writes itself (`reserved`) cannot be replaced: such entries are noted.
 * Annotation values from the catalog are escaped (Prometheus reads them as
 * templates); configured ones are the administrator's and kept as written.
 */
export function ruleOrganisation(
  slo: SloEntity,
  options: SloRuleOptions,
  reserved: readonly string[],
): RuleOrganisation {
  const notes: string[] = [];
  const own = slo.metadata.annotations ?? {};
  const severities = pairs(
    own[ANNOTATION_RULE_SEVERITIES],
    ANNOTATION_RULE_SEVERITIES,
    /[,\n]/,
    notes,
  );
  for (const name of Object.keys(severities)) {
    if (name !== 'page' && name !== 'ticket') {
      notes.push(
        `${ANNOTATION_RULE_SEVERITIES}: "${name}" is not a tier (page, ticket); not used`,
      );
    }
  }
  const labels: Record<string, string> = {
    ...options.labels,
    ...pairs(
      own[ANNOTATION_RULE_LABELS],
      ANNOTATION_RULE_LABELS,
      /[,\n]/,
      notes,
    ),
  };
  for (const name of Object.keys(labels)) {
    if (reserved.includes(name)) {
      notes.push(
        `label "${name}" is written by the generator and cannot be set by ${ANNOTATION_RULE_LABELS} or ops.slo.rules.labels; not used`,
      );
      delete labels[name];
    }
  }
  const fromSlo = pairs(
    own[ANNOTATION_RULE_ANNOTATIONS],
    ANNOTATION_RULE_ANNOTATIONS,
    /\n/,
    notes,
  );
  const annotations: Record<string, string> = { ...options.annotations };
  for (const [name, value] of Object.entries(fromSlo)) {
    annotations[name] = escapeTemplate(value);
  }
  return {
    labels,
    annotations,
    severities: {
      page: severities.page ?? options.severities?.page,
      ticket: severities.ticket ?? options.severities?.ticket,
    },
    notes,
  };
}

/** The SLO's page in the portal; the path alone without a base URL. */
export function sloPageUrl(slo: SloEntity, base = ''): string {
  return `${base.replace(/\/+$/, '')}/catalog/${encodeURIComponent(
    slo.metadata.namespace ?? 'default',
  )}/slo/${encodeURIComponent(slo.metadata.name)}`;
}
