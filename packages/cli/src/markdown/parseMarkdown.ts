import type { MarkdownBlock, MarkdownSection } from './types';
import { headingAnchor, stripInline } from './inline';

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([^`]*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)(.*)$/;

type Heading = { level: number; text: string; line: number };
type Token = { heading: Heading } | { block: MarkdownBlock };

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function dedent(lines: string[], columns: number): string {
  return lines
    .map(l => l.slice(Math.min(columns, indentOf(l))))
    .join('\n')
    .replace(/\s+$/, '');
}

/**
 * Splits Markdown into headings and blocks (ATX and setext headings, fenced
 * code blocks with ``` or ~~~, list items, text). Lines inside fences are
 * code, never headings.
 */
function tokenize(markdown: string): Token[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const tokens: Token[] = [];
  let text: { lines: string[]; line: number } | undefined;

  const flushText = () => {
    if (text) {
      const indent = Math.min(...text.lines.map(indentOf));
      tokens.push({
        block: {
          type: 'text',
          text: text.lines.map(l => l.trim()).join('\n'),
          line: text.line,
          indent,
          raw: dedent(text.lines, indent),
        },
      });
      text = undefined;
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;

    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      flushText();
      const [, lead, marker, info] = fence;
      const indent = lead.length;
      const close = new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`);
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j])) {
        body.push(lines[j]);
        j++;
      }
      const code = body
        .map(l => l.slice(Math.min(indent, indentOf(l))))
        .join('\n')
        .replace(/\s+$/, '');
      const language = info.trim().split(/\s+/)[0] || undefined;
      tokens.push({
        block: {
          type: 'code',
          language,
          info: info.trim(),
          code,
          line: lineNo,
          indent,
          raw: dedent(lines.slice(i, Math.min(j + 1, lines.length)), indent),
        },
      });
      i = j;
      continue;
    }

    if (!line.trim()) {
      flushText();
      continue;
    }

    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flushText();
      tokens.push({
        heading: { level: atx[1].length, text: atx[2] ?? '', line: lineNo },
      });
      continue;
    }

    // A setext underline turns the text line just above it into a heading;
    // `---` after a blank line is a thematic break instead.
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && text && text.lines.length === 1) {
      const level = underline[1].startsWith('=') ? 1 : 2;
      const heading = { level, text: text.lines[0].trim(), line: text.line };
      text = undefined;
      tokens.push({ heading });
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flushText();
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item) {
      flushText();
      const [, lead, marker, gap, rest] = item;
      tokens.push({
        block: {
          type: 'list-item',
          ordered: /\d/.test(marker),
          text: rest.trim(),
          line: lineNo,
          indent: lead.length,
          contentIndent: lead.length + marker.length + gap.length,
          raw: line.slice(lead.length),
        },
      });
      continue;
    }

    if (!text) {
      text = { lines: [], line: lineNo };
    }
    text.lines.push(line);
  }
  flushText();
  return tokens;
}

/**
 * Parses Markdown into a tree of sections: the document (level 0) holds the
 * blocks before its first heading and the top-level sections, each section
 * its blocks and its sub-sections.
 *
 * @public
 */
export function parseMarkdown(markdown: string): MarkdownSection {
  const root: MarkdownSection = {
    level: 0,
    title: '',
    anchor: '',
    line: 1,
    blocks: [],
    children: [],
  };
  const stack: MarkdownSection[] = [root];
  const anchorCounts = new Map<string, number>();

  for (const token of tokenize(markdown)) {
    if ('block' in token) {
      stack[stack.length - 1].blocks.push(token.block);
      continue;
    }
    const { level, text, line } = token.heading;
    const title = stripInline(text);
    const base = headingAnchor(title);
    const seen = anchorCounts.get(base) ?? 0;
    anchorCounts.set(base, seen + 1);
    const section: MarkdownSection = {
      level,
      title,
      anchor: seen ? `${base}-${seen}` : base,
      line,
      blocks: [],
      children: [],
    };
    while (stack[stack.length - 1].level >= level) {
      stack.pop();
    }
    stack[stack.length - 1].children.push(section);
    stack.push(section);
  }
  return root;
}
