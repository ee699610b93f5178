/**
 * Kinds and relation types of the Unyo catalog model come from
 * `@unyo/plugin-ops-common`; kinds here are lower case, as the catalog
 * compares them.
 */
import { RUNBOOK_KIND } from '@unyo/plugin-ops-common';

export {
  RELATION_HAS_RUNBOOK,
  RELATION_RUNBOOK_FOR,
} from '@unyo/plugin-ops-common';

export const KIND_RUNBOOK = RUNBOOK_KIND.toLocaleLowerCase('en-US');

/** The configuration key of runbook action targets (docs/runbook-actions.md). */
export const CONFIG_KEY_RUNBOOK_TARGETS = 'ops.runbooks.targets';

/**
 * How parameters are written as YAML: as the raw-spec card writes specs
 * (lists at their key's indentation, no line folding, no anchors).
 */
export { SPEC_YAML_OPTIONS as YAML_OPTIONS } from '@unyo/plugin-ops-react';

/** How often to poll a running execution: without signals, and as a safety net with them. */
export const POLL_MS_WITHOUT_SIGNALS = 1_000;
export const POLL_MS_WITH_SIGNALS = 5_000;

/** The query parameter that carries the entity a runbook page was opened from. */
export const ENTITY_QUERY_PARAM = 'entity';

/** Rows of the execution history shown at first and added by "Load more". */
export const EXECUTION_HISTORY_PAGE_SIZE = 20;
/** The most rows the backend gives in one page (`GET /api/ops/executions`). */
export const EXECUTION_HISTORY_MAX_LIMIT = 500;
