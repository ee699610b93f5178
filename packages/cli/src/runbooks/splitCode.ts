import { withoutNumbering } from '../markdown/inline';

/** A part of a code block introduced by a comment (`# 1. Stop the service`). */
export type CodePart = {
  /** The introducing comment without its marker and number. */
  title?: string;
  /** Comment lines that open a group of parts (`# PostgreSQL`). */
  context?: string;
  /** The part's lines, without the introducing comment. */
  code: string;
};

const COMMENT_MARKERS: Record<string, string> = {
  bash: '#',
  sh: '#',
  shell: '#',
  zsh: '#',
  console: '#',
  powershell: '#',
  ps1: '#',
  sql: '--',
  psql: '--',
  kusto: '//',
  kql: '//',
};

function commentText(line: string, marker: string): string | undefined {
  if (!line.startsWith(marker) || line.startsWith('#!')) {
    return undefined;
  }
  return line.slice(marker.length).trim();
}

const NUMBERED = /^\d+[.)．]\s*\S/;

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return lines.slice(start, end);
}

/**
 * Splits a shell, SQL or Kusto block into the parts its comments introduce:
 * a comment at column 0 that opens the block, follows a blank line or is
 * numbered (`# 2. ...`) starts a part, and names it. A comment with no
 * commands of its own right before another part (`# PostgreSQL` above
 * `# 1. 接続確認`) is the context of the parts that follow. Returns one part
 * (the whole block) when the block has fewer than two parts, when it is a
 * script (`#!`) or when its language has no comment syntax known here.
 */
export function splitCode(
  language: string | undefined,
  code: string,
): CodePart[] {
  const marker = COMMENT_MARKERS[language?.toLowerCase() ?? ''];
  const whole = [{ code }];
  if (!marker || code.startsWith('#!')) {
    return whole;
  }
  const lines = code.split('\n');
  const groups: { title?: string; lines: string[] }[] = [];
  lines.forEach((line, i) => {
    const comment = commentText(line, marker);
    const opens =
      comment !== undefined &&
      comment !== '' &&
      (i === 0 || !lines[i - 1].trim() || NUMBERED.test(comment));
    if (opens) {
      groups.push({ title: comment, lines: [] });
    } else if (groups.length === 0) {
      groups.push({ lines: [line] });
    } else {
      groups[groups.length - 1].lines.push(line);
    }
  });
  if (groups.length < 2) {
    return whole;
  }

  const parts: CodePart[] = [];
  let context: string | undefined;
  groups.forEach((group, i) => {
    const body = trimBlankLines(group.lines);
    const next = groups[i + 1];
    if (
      body.length === 0 &&
      group.title &&
      next?.title &&
      NUMBERED.test(next.title) &&
      !NUMBERED.test(group.title)
    ) {
      context = group.title;
      return;
    }
    parts.push({
      title: group.title ? withoutNumbering(group.title) : undefined,
      context,
      code: body.join('\n'),
    });
  });
  return parts;
}
