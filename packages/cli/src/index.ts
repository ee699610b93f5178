/**
 * Unyo's command line, `unyo`, and the importers behind it: operations
 * manuals in Markdown to Runbook drafts, Sloth and Pyrra SLOs to OpenSLO v1.
 *
 * @packageDocumentation
 */

export { runCli, main } from './commands/runCli';
export type { CliIo } from './commands/io';
export { parseMarkdown } from './markdown/parseMarkdown';
export type { MarkdownBlock, MarkdownSection } from './markdown/types';
export {
  importRunbooks,
  IMPORTED_FROM_ANNOTATION,
  DRAFT_OWNER,
  DRAFT_APPLIES_TO,
} from './runbooks/importRunbooks';
export type {
  ImportRunbooksOptions,
  ImportedRunbook,
} from './runbooks/importRunbooks';
export { runbooksToYaml } from './runbooks/toYaml';
export { importSlos } from './slos/importSlos';
export { slosToYaml } from './slos/toYaml';
export { PLACEHOLDER_SERVICE } from './slos/envelope';
export type {
  FieldNote,
  ImportedSlo,
  ImportSlosOptions,
  SkippedSlo,
  SloImport,
} from './slos/types';
