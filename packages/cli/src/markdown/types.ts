/**
 * A block of a Markdown document, as much structure as the runbook importer
 * needs. `indent` is the column the block starts at, so list items can claim
 * the indented blocks that belong to them. `raw` is the block's Markdown with
 * that indentation removed, kept for descriptions.
 *
 * @public
 */
export type MarkdownBlock =
  | {
      type: 'code';
      /** The first word of the info string, as written (`bash`, `sql`). */
      language?: string;
      info: string;
      code: string;
      line: number;
      indent: number;
      raw: string;
    }
  | {
      type: 'list-item';
      ordered: boolean;
      /** The item's first line without its marker. */
      text: string;
      line: number;
      indent: number;
      /** The column the item's content starts at. */
      contentIndent: number;
      raw: string;
    }
  | { type: 'text'; text: string; line: number; indent: number; raw: string };

/**
 * A heading and what follows it up to the next heading of the same or a
 * higher level. The document itself is the level-0 root.
 *
 * @public
 */
export type MarkdownSection = {
  level: number;
  /** The heading's text, inline Markdown removed. */
  title: string;
  /** GitHub-style anchor of the heading, unique in the document. */
  anchor: string;
  line: number;
  /** The blocks between the heading and its first sub-heading. */
  blocks: MarkdownBlock[];
  children: MarkdownSection[];
};
