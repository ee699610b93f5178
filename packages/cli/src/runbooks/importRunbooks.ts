import {
  RUNBOOK_KIND,
  UNYO_API_VERSION,
  type RunbookEntity,
  type RunbookStep,
} from '@unyo/plugin-ops-common';
import { withoutNumbering } from '../markdown/inline';
import { parseMarkdown } from '../markdown/parseMarkdown';
import type { MarkdownSection } from '../markdown/types';
import { alertRuleNames, classifyCode } from './classifyCode';
import { guessAlerts, guessSeverity } from './guess';
import { runbookName } from './names';
import { selectRunbookSections } from './selectSections';
import { stepsFromBlocks, type DraftStep } from './stepsFromBlocks';

/** @public */
export const IMPORTED_FROM_ANNOTATION = 'unyo.dev/imported-from';
/** Placeholders used when no owner / appliesTo is given: review them. @public */
export const DRAFT_OWNER = 'group:default/todo-owner';
/** @public */
export const DRAFT_APPLIES_TO = 'component:default/todo-component';

/** @public */
export type ImportRunbooksOptions = {
  /** The manual's file name, recorded in `unyo.dev/imported-from`. */
  source: string;
  /** Prefix of every `metadata.name`. */
  prefix: string;
  owner?: string;
  appliesTo?: string[];
  /** Heading level that becomes a runbook; automatic when absent. */
  level?: number;
};

/** A runbook draft and where in the manual it comes from. @public */
export type ImportedRunbook = {
  entity: RunbookEntity;
  /** The heading's anchor in the manual. */
  anchor: string;
  /** The heading's line in the manual. */
  line: number;
  /** Fields filled with placeholders, to review. */
  placeholders: ('spec.owner' | 'spec.appliesTo')[];
};

const hasNonAscii = (s: string) => [...s].some(c => c.charCodeAt(0) > 0x7f);

function collectAlertNames(section: MarkdownSection): string[] {
  return [
    ...section.blocks.flatMap(b =>
      b.type === 'code' && classifyCode(b.language, b.code) === 'alert-rules'
        ? alertRuleNames(b.code)
        : [],
    ),
    ...section.children.flatMap(collectAlertNames),
  ];
}

function descendants(section: MarkdownSection): MarkdownSection[] {
  return section.children.flatMap(c => [c, ...descendants(c)]);
}

function finishStep(step: DraftStep, title: string): RunbookStep {
  const finished: RunbookStep = { title: step.title ?? title };
  if (hasNonAscii(finished.title)) finished.titleJa = finished.title;
  if (step.description) finished.description = step.description;
  if (step.run !== undefined) finished.run = step.run;
  if (step.language) finished.language = step.language;
  return finished;
}

// alert rules quoted in a description define alerts, they do not answer them
const withoutRuleBlocks = (markdown: string) =>
  markdown.replace(/(```|~~~)[^\n]*\n[\s\S]*?\n\s*\1/g, fence =>
    /^\s*-?\s*alert:/m.test(fence) ? '' : fence,
  );

/**
 * Turns an operations manual in Markdown into Runbook drafts: the sections
 * chosen by selectRunbookSections become runbooks, their code blocks,
 * numbered items and sub-headings ordered steps (code blocks as `run` with
 * their language). Titles stay in the manual's language; names are ASCII.
 *
 * @public
 */
export function importRunbooks(
  markdown: string,
  options: ImportRunbooksOptions,
): ImportedRunbook[] {
  const root = parseMarkdown(markdown);
  const knownAlerts = collectAlertNames(root);
  const selected = selectRunbookSections(root, options.level);

  return selected.map(({ section, withChildren }, index) => {
    const title = withoutNumbering(section.title);
    const own = stepsFromBlocks(section.blocks);
    const intro = [...own.intro];
    const steps = [...own.steps];
    if (withChildren) {
      for (const child of descendants(section)) {
        const childTitle = withoutNumbering(child.title);
        const found = stepsFromBlocks(child.blocks, childTitle);
        const childIntro = found.intro.join('\n\n');
        if (!found.steps.length) {
          if (childIntro)
            steps.push({ title: childTitle, description: childIntro });
          continue;
        }
        if (childIntro) {
          const first = found.steps[0];
          first.description = first.description
            ? `${childIntro}\n\n${first.description}`
            : childIntro;
        }
        steps.push(...found.steps);
      }
    }
    const untitled = steps.filter(s => !s.title).length;
    let n = 0;
    const finished = steps.map(s =>
      finishStep(s, untitled > 1 ? `${title} (${++n})` : title),
    );
    const description = intro.join('\n\n') || undefined;

    const text = [
      title,
      description ?? '',
      ...finished.flatMap(s => [s.title, s.description ?? '', s.run ?? '']),
    ].join('\n');
    const severity = guessSeverity(title, description ?? '');
    const alerts = guessAlerts(knownAlerts, withoutRuleBlocks(text));

    const placeholders: ImportedRunbook['placeholders'] = [];
    if (!options.owner) placeholders.push('spec.owner');
    if (!options.appliesTo?.length) placeholders.push('spec.appliesTo');

    const entity: RunbookEntity = {
      apiVersion: UNYO_API_VERSION,
      kind: RUNBOOK_KIND,
      metadata: {
        name: runbookName(options.prefix, index, selected.length, title),
        title,
        annotations: {
          [IMPORTED_FROM_ANNOTATION]: `${options.source}#${section.anchor}`,
        },
      },
      spec: {
        ...(hasNonAscii(title) ? { titleJa: title } : {}),
        ...(description ? { description } : {}),
        owner: options.owner ?? DRAFT_OWNER,
        appliesTo: options.appliesTo?.length
          ? options.appliesTo
          : [DRAFT_APPLIES_TO],
        ...(severity ? { severity } : {}),
        ...(alerts.length ? { alerts } : {}),
        steps: finished,
      },
    } as RunbookEntity;
    return { entity, anchor: section.anchor, line: section.line, placeholders };
  });
}
