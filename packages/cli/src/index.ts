/**
 * Unyo's command line, `unyo`, and the importer behind it: operations
 * manuals in Markdown to Runbook drafts.
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
