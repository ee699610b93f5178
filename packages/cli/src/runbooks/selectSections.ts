import { hasStepNumber } from '../markdown/inline';
import type { MarkdownBlock, MarkdownSection } from '../markdown/types';
import { classifyCode } from './classifyCode';
import { DESCRIPTIVE_LABEL } from './stepsFromBlocks';

/** A section that becomes a runbook, with or without its sub-sections. */
export type RunbookSection = {
  section: MarkdownSection;
  /** Sub-sections become steps of this runbook. */
  withChildren: boolean;
};

const LINK_ONLY = /^\[[^\]]*\]\([^)]*\)$/;
const LABEL_WITH_TEXT = /^\*\*(.+?)\*\*/;
const NUMBERED_COMMENT = /^(?:#|--|\/\/)\s*\d+[.)．]\s*\S/m;

/** A procedure: an ordered list (not a table of contents) or a code block to run. */
export function hasProcedure(blocks: MarkdownBlock[]): boolean {
  return blocks.some(b =>
    b.type === 'list-item'
      ? b.ordered && !LINK_ONLY.test(b.text)
      : b.type === 'code' &&
        ['run', 'steps'].includes(classifyCode(b.language, b.code)),
  );
}

function subtreeHasProcedure(section: MarkdownSection): boolean {
  return (
    hasProcedure(section.blocks) || section.children.some(subtreeHasProcedure)
  );
}

/**
 * A procedure of its own: numbered steps in a list or in a code block's
 * comments (`# 1. ...`), or a stated symptom. Such a section stays a runbook even when its
 * heading is numbered like a step.
 */
function isOwnProcedure(section: MarkdownSection): boolean {
  return section.blocks.some(b => {
    if (b.type === 'list-item') return b.ordered && !LINK_ONLY.test(b.text);
    if (b.type === 'code') return NUMBERED_COMMENT.test(b.code);
    // a section that states a symptom (`**症状**: ...`) answers that symptom
    const label = LABEL_WITH_TEXT.exec(b.text);
    return !!label && DESCRIPTIVE_LABEL.test(label[1]);
  });
}

/**
 * Numbered sub-headings (`#### 1. 環境変数の設定`, `#### 2. イメージのビルド`)
 * without sub-headings or numbered procedures of their own are the steps of
 * their parent.
 */
function hasStepChildren(section: MarkdownSection): boolean {
  const { children } = section;
  return (
    children.length >= 2 &&
    children.every(
      c =>
        hasStepNumber(c.title) && c.children.length === 0 && !isOwnProcedure(c),
    ) &&
    children.some(c => hasProcedure(c.blocks))
  );
}

/**
 * Chooses the sections that become runbooks.
 *
 * With `level`, every section at that heading level (or deeper, when the
 * document skips a level) that holds a procedure becomes a runbook and its
 * sub-headings become steps; a shallower section with a procedure directly
 * under its heading becomes a runbook of that content only.
 *
 * Without `level`, every section with a procedure directly under its heading
 * becomes a runbook, and a section whose sub-headings are numbered steps
 * (see hasStepChildren) takes them as its steps.
 *
 * @public
 */
export function selectRunbookSections(
  root: MarkdownSection,
  level?: number,
): RunbookSection[] {
  const selected: RunbookSection[] = [];
  const visit = (section: MarkdownSection) => {
    const isHeading = section.level > 0;
    if (isHeading && level !== undefined && section.level >= level) {
      if (subtreeHasProcedure(section)) {
        selected.push({ section, withChildren: true });
      }
      return;
    }
    if (isHeading && level === undefined && hasStepChildren(section)) {
      selected.push({ section, withChildren: true });
      return;
    }
    if (isHeading && hasProcedure(section.blocks)) {
      selected.push({ section, withChildren: false });
    }
    section.children.forEach(visit);
  };
  visit(root);
  return selected;
}
