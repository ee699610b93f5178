import type { Content, ListItem, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { MarkdownBlock } from './types';

/** A heading (its text, inline Markdown removed) or a block, in order. */
export type Token =
  | { heading: { level: number; title: string; line: number } }
  | { block: MarkdownBlock };

type Node = Content | Root;

// front matter is metadata, breaks and link definitions show nothing
const SKIPPED = new Set(['thematicBreak', 'definition', 'yaml', 'toml']);
const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;

const indentOf = (line: string) => line.length - line.trimStart().length;

function dedent(lines: string[], columns: number): string {
  return lines
    .map(l => l.slice(Math.min(columns, indentOf(l))))
    .join('\n')
    .replace(/\s+$/, '');
}

/** The text a reader sees: emphasis, links and code spans unwrapped. */
function plainText(node: Node): string {
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map(plainText).join('');
  return 'value' in node ? node.value : '';
}

/**
 * Reads Markdown with remark (CommonMark; YAML/TOML front matter skipped)
 * into headings and blocks: fenced code blocks, list items (each followed by
 * the blocks nested in it) and text (paragraphs, tables, quotes, HTML,
 * indented code). Each block keeps its source lines, so descriptions quote
 * the manual as written.
 */
export function tokenize(markdown: string): Token[] {
  const source = markdown.replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const tokens: Token[] = [];
  const tree = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .parse(source) as Root;

  const text = (first: number, last: number) => {
    const slice = lines.slice(first - 1, last);
    const indent = Math.min(...slice.map(indentOf));
    tokens.push({
      block: {
        type: 'text',
        text: slice.map(l => l.trim()).join('\n'),
        line: first,
        indent,
        raw: dedent(slice, indent),
      },
    });
  };

  const listItem = (item: ListItem, ordered: boolean) => {
    const { line: first, column } = item.position!.start;
    const line = lines[first - 1];
    const lead = column - 1;
    const [head, ...rest] = item.children;
    const inline = head?.position?.start.line === first;
    const contentIndent = inline
      ? head.position!.start.column - 1
      : line.trimEnd().length + 1;
    tokens.push({
      block: {
        type: 'list-item',
        ordered,
        text: line.slice(contentIndent).trim(),
        line: first,
        indent: lead,
        contentIndent,
        raw: line.slice(lead),
      },
    });
    if (inline && head.type === 'paragraph') {
      const end = head.position!.end.line;
      if (end > first) text(first + 1, end);
    } else if (head) {
      visit(head);
    }
    rest.forEach(visit);
  };

  function visit(node: Node) {
    const { start, end } = node.position!;
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'root') {
      node.children.forEach(visit);
    } else if (node.type === 'list') {
      node.children.forEach(i => listItem(i, !!node.ordered));
    } else if (node.type === 'heading') {
      tokens.push({
        heading: {
          level: node.depth,
          title: plainText(node).trim(),
          line: start.line,
        },
      });
    } else if (node.type === 'code' && FENCE.test(lines[start.line - 1])) {
      const indent = start.column - 1;
      tokens.push({
        block: {
          type: 'code',
          language: node.lang ?? undefined,
          info: FENCE.exec(lines[start.line - 1])![2].trim(),
          code: node.value.replace(/\s+$/, ''),
          line: start.line,
          indent,
          raw: dedent(lines.slice(start.line - 1, end.line), indent),
        },
      });
    } else {
      // paragraphs, tables, quotes, HTML and indented code read as text
      text(start.line, end.line);
    }
  }

  visit(tree);
  return tokens;
}
