import type { SloEntity } from '@unyo/plugin-ops-common';

/** A field of the source left out of the OpenSLO document, and why. @public */
export type FieldNote = {
  /** Path in the source document, e.g. `slos[0].alerting`. */
  field: string;
  reason: string;
};

/** An SLO converted to OpenSLO v1. @public */
export type ImportedSlo = {
  entity: SloEntity;
  /** Where it comes from: `<file>#<document>`, and the SLO's name in it. */
  from: string;
  /** Source fields not carried over, each with the reason. */
  notConverted: FieldNote[];
  /** Fields of the entity filled with a placeholder, to review. */
  placeholders: string[];
};

/** An SLO (or a whole document) that could not be converted. @public */
export type SkippedSlo = {
  from: string;
  reasons: FieldNote[];
};

/** @public */
export type SloImport = {
  /** Which tool's format each document was read as, e.g. `Sloth prometheus/v1`. */
  formats: string[];
  slos: ImportedSlo[];
  skipped: SkippedSlo[];
};

/** @public */
export type ImportSlosOptions = {
  /** The file's name, recorded in `unyo.dev/imported-from`. */
  source: string;
  /**
   * `spec.service` of every SLO (the entity it measures); by default a Sloth
   * spec's own `service`, and a placeholder for Pyrra, which names none.
   */
  service?: string;
};

/** The OpenSLO v1 spec of an SLO before the envelope is added. */
export type SloSpec = SloEntity['spec'];

/** One SLO as a source format describes it, ready for the envelope. */
export type ConvertedSlo = {
  name: string;
  /** The source field the name comes from, for the message when it is not valid. */
  nameField: string;
  displayName?: string;
  labels: Record<string, unknown>;
  /** The source field of the labels, for the notes about refused ones. */
  labelsField: string;
  spec: Omit<SloSpec, 'service'> & { service?: string };
  /** Fields the source does not state, recorded in `unyo.dev/assumptions`. */
  assumed: string[];
  notConverted: FieldNote[];
};

/** A converted SLO, or why not, for one SLO of a document. */
export type SloOutcome =
  | { ok: true; slo: ConvertedSlo; label: string }
  | { ok: false; label: string; reasons: FieldNote[] };
