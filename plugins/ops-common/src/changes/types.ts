/** What a change marker records: a deploy, a config change or a feature flag. @public */
export const CHANGE_KINDS = ['deploy', 'config', 'flag'] as const;

/** @public */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * A change to an entity (`POST /api/ops/changes`), drawn on the charts of the
 * SLOs that measure it (docs/change-markers.md).
 *
 * @public
 */
export interface ChangeMarker {
  id: string;
  entityRef: string;
  /** When the change happened, an ISO instant. */
  at: string;
  kind: ChangeKind;
  title: string;
  /** http(s) link to the pipeline run, pull request or flag. */
  url?: string;
  /** The user entity ref or service subject that posted it. */
  createdBy: string;
  createdAt: string;
}
