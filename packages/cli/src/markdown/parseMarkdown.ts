import type { MarkdownSection } from './types';
import { headingAnchor } from './inline';
import { tokenize } from './mdastBlocks';

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
    const { level, title, line } = token.heading;
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
