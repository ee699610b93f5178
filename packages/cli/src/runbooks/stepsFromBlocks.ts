import type { RunbookStep } from '@unyo/plugin-ops-common';
import { stripInline, withoutNumbering } from '../markdown/inline';
import type { MarkdownBlock } from '../markdown/types';
import { classifyCode } from './classifyCode';
import { splitCode } from './splitCode';

/** A step whose title may still be missing (filled in by the runbook). */
export type DraftStep = Omit<RunbookStep, 'title'> & { title?: string };

/** Prose before the first step, and the steps, of a run of blocks. */
export type BlockSteps = { intro: string[]; steps: DraftStep[] };

type Item =
  | { kind: 'label'; label: string }
  | { kind: 'prose'; markdown: string }
  | { kind: 'code'; block: Extract<MarkdownBlock, { type: 'code' }> }
  | {
      kind: 'item';
      block: Extract<MarkdownBlock, { type: 'list-item' }>;
      nested: MarkdownBlock[];
    };

// `**症状**:` alone on its line names what follows
export const LABEL = /^\*\*(.+?)\*\*\s*[:：]?\s*$/;
// labels whose content describes the situation rather than a step to take
export const DESCRIPTIVE_LABEL =
  /症状|原因|影響|期待|結果|レスポンス|出力|注意|備考|symptom|cause|impact|expected|response|output|note/i;
const LINK_ONLY = /^\[[^\]]*\]\([^)]*\)$/;
const LIST_MARKDOWN = /^\s*(?:[-*+]|\d+[.)])\s/;

/** Groups blocks: list items with the indented blocks under them. */
function itemsOf(blocks: MarkdownBlock[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'list-item') {
      const nested: MarkdownBlock[] = [];
      while (
        i + 1 < blocks.length &&
        blocks[i + 1].indent >= block.contentIndent
      ) {
        nested.push(blocks[++i]);
      }
      items.push({ kind: 'item', block, nested });
    } else if (block.type === 'code') {
      items.push({ kind: 'code', block });
    } else {
      const label = LABEL.exec(block.text);
      items.push(
        label && !block.text.includes('\n')
          ? { kind: 'label', label: stripInline(label[1]) }
          : { kind: 'prose', markdown: block.raw },
      );
    }
  }
  return items;
}

function joinTitle(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? present.join(': ') : undefined;
}

function isCommentOnly(code: string): boolean {
  return code
    .split('\n')
    .filter(l => l.trim())
    .every(l => /^\s*(#|--|\/\/)/.test(l));
}

function firstComment(code: string): string | undefined {
  const first = code.split('\n')[0] ?? '';
  if (first.startsWith('#!')) return undefined;
  const m = /^(?:#|--|\/\/)\s*(\S.*)$/.exec(first);
  // `# config/prod.exs` names a file, not what the step does
  if (!m || /^[\w./-]+\.\w+$/.test(m[1].trim())) return undefined;
  return withoutNumbering(m[1]);
}

function markdownOf(block: MarkdownBlock, indent: number): string {
  return block.raw
    .split('\n')
    .map(l => ' '.repeat(Math.max(0, block.indent - indent)) + l)
    .join('\n');
}

/**
 * Steps from a code block: one per part its comments introduce (see
 * splitCode), titled `context: part`, the language kept. A block of numbered
 * plain-text lines gives one step per line. Returns undefined for blocks
 * that are prose (diagrams, sample output, alert rules).
 */
function codeSteps(
  block: Extract<MarkdownBlock, { type: 'code' }>,
  context: string | undefined,
): DraftStep[] | undefined {
  const kind = classifyCode(block.language, block.code);
  if (kind === 'steps') {
    return block.code
      .split('\n')
      .filter(l => l.trim())
      .map(l => ({ title: withoutNumbering(l.trim()) }));
  }
  if (kind !== 'run') {
    return undefined;
  }
  const language = block.language ? { language: block.language } : {};
  const parts = splitCode(block.language, block.code);
  if (parts.length === 1) {
    return [
      {
        title: context ?? firstComment(block.code),
        run: block.code,
        ...language,
      },
    ];
  }
  return parts.map(part => {
    const title = joinTitle(context, part.context, part.title);
    if (!part.code || isCommentOnly(part.code)) {
      const note = part.code
        .split('\n')
        .map(l => l.replace(/^\s*(#|--|\/\/)\s?/, ''))
        .join('\n')
        .trim();
      return note ? { title, description: note } : { title };
    }
    return { title, run: part.code, ...language };
  });
}

/**
 * Turns the blocks under one heading into steps: every fenced code block
 * (one step per commented part), every ordered-list item (its nested code
 * blocks as `run`), and `**label**:` paragraphs that introduce code or prose.
 * Prose before the first step is returned as `intro`; later prose goes to
 * the step it follows or introduces. `context` (a sub-heading) prefixes
 * titles found inside blocks.
 *
 * @public
 */
export function stepsFromBlocks(
  blocks: MarkdownBlock[],
  context?: string,
): BlockSteps {
  const intro: string[] = [];
  const steps: DraftStep[] = [];
  let label: string | undefined;
  let prose: string[] = [];
  // consecutive list items stay one list
  const joinProse = (parts: string[]) =>
    parts.reduce((all, part) => {
      if (!all) return part;
      const lastLine = all.split('\n').pop() ?? '';
      const sameList = LIST_MARKDOWN.test(part) && LIST_MARKDOWN.test(lastLine);
      return `${all}${sameList ? '\n' : '\n\n'}${part}`;
    }, '');

  const addProse = (markdown: string) => {
    if (!steps.length) {
      intro.push(markdown);
    } else {
      const last = steps[steps.length - 1];
      last.description = last.description
        ? `${last.description}\n\n${markdown}`
        : markdown;
    }
  };
  const labelled = (text: string) =>
    label ? `**${label}**:\n\n${text}` : text;

  // pending prose either becomes the labelled step it belongs to, or joins
  // the intro / the previous step
  const flush = () => {
    if (label && !DESCRIPTIVE_LABEL.test(label) && prose.length) {
      steps.push({
        title: joinTitle(context, label),
        description: joinProse(prose),
      });
    } else if (prose.length) {
      addProse(labelled(joinProse(prose)));
    }
    label = undefined;
    prose = [];
  };

  const pushSteps = (found: DraftStep[]) => {
    const description = prose.length ? joinProse(prose) : undefined;
    // prose right under the heading describes the runbook, not its first step
    if (description && !steps.length && !label) {
      intro.push(description);
    } else if (description) {
      found[0].description = found[0].description
        ? `${description}\n\n${found[0].description}`
        : description;
    }
    steps.push(...found);
    label = undefined;
    prose = [];
  };

  for (const item of itemsOf(blocks)) {
    if (item.kind === 'label') {
      flush();
      label = item.label;
    } else if (item.kind === 'prose') {
      prose.push(item.markdown);
    } else if (item.kind === 'code') {
      const found = codeSteps(item.block, joinTitle(context, label));
      if (found) {
        pushSteps(found);
      } else {
        prose.push(item.block.raw);
      }
    } else {
      const { block, nested } = item;
      const markdown = [block, ...nested]
        .map(b => markdownOf(b, block.indent))
        .join('\n');
      const isStep =
        block.ordered &&
        !LINK_ONLY.test(block.text) &&
        !(label && DESCRIPTIVE_LABEL.test(label));
      const nestedCode = nested.filter(
        (b): b is Extract<MarkdownBlock, { type: 'code' }> => b.type === 'code',
      );
      const nestedSteps = nestedCode.map(b => ({
        block: b,
        steps: codeSteps(b, undefined),
      }));
      if (!isStep && !nestedSteps.some(n => n.steps)) {
        prose.push(markdown);
        continue;
      }
      const title = joinTitle(
        context,
        label,
        withoutNumbering(stripInline(block.text)),
      );
      const notes = nested
        .filter(
          b =>
            b.type !== 'code' || !nestedSteps.find(n => n.block === b)?.steps,
        )
        .map(b => markdownOf(b, block.contentIndent))
        .join('\n')
        .trim();
      const found: DraftStep[] = [];
      for (const n of nestedSteps) {
        if (!n.steps) continue;
        const multi =
          n.steps.length > 1 || nestedSteps.filter(m => m.steps).length > 1;
        found.push(
          ...n.steps.map(s => ({
            ...s,
            title: multi ? joinTitle(title, s.title) : title,
          })),
        );
      }
      if (!found.length) {
        found.push({ title });
      }
      if (notes) {
        found[0].description = found[0].description
          ? `${notes}\n\n${found[0].description}`
          : notes;
      }
      // the label introduced this list; keep it for the items that follow
      const keepLabel = label;
      pushSteps(found);
      label = keepLabel;
    }
  }
  flush();
  return { intro, steps };
}
