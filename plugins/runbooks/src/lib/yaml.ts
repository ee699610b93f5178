/**
 * A small YAML writer for showing catalog data (JSON values) as YAML.
 * It only writes; strings that YAML could read as something else are quoted.
 * (Same as in @unyo/plugin-ops-dashboard: frontend plugins do not depend on
 * each other; it moves to a shared package once there is one.)
 */

const PLAIN_UNSAFE = /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s#|:$|\s$|^$/;
const LOOKS_TYPED =
  /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const text = String(value);
  if (PLAIN_UNSAFE.test(text) || LOOKS_TYPED.test(text)) {
    return JSON.stringify(text);
  }
  return text;
}

function key(name: string): string {
  return scalar(name);
}

function isMultiline(value: unknown): value is string {
  return typeof value === 'string' && value.includes('\n');
}

function block(text: string, indent: string): string {
  const chomp = text.endsWith('\n') ? '' : '-';
  const body = text.replace(/\n$/, '');
  const lead = /^\s/.test(body) ? '2' : '';
  return `|${lead}${chomp}\n${body
    .split('\n')
    .map(line => (line ? indent + line : ''))
    .join('\n')}`;
}

function write(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return ['[]'];
    return value.flatMap(item => {
      if (item && typeof item === 'object') {
        const lines = write(item, `${indent}  `);
        if (lines.length === 1 && /^(\[\]|\{\})$/.test(lines[0])) {
          return [`${indent}- ${lines[0]}`];
        }
        const first = lines[0].slice(indent.length + 2);
        return [`${indent}- ${first}`, ...lines.slice(1)];
      }
      if (isMultiline(item)) {
        return [`${indent}- ${block(item, `${indent}  `)}`];
      }
      return [`${indent}- ${scalar(item)}`];
    });
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined,
    );
    if (entries.length === 0) return ['{}'];
    return entries.flatMap(([name, item]) => {
      if (item && typeof item === 'object') {
        const empty = Array.isArray(item)
          ? item.length === 0
          : Object.keys(item).length === 0;
        if (empty) {
          return [
            `${indent}${key(name)}: ${Array.isArray(item) ? '[]' : '{}'}`,
          ];
        }
        // Lists sit at the same indentation as their key, as kubectl writes them.
        const childIndent = Array.isArray(item) ? indent : `${indent}  `;
        return [`${indent}${key(name)}:`, ...write(item, childIndent)];
      }
      if (isMultiline(item)) {
        return [`${indent}${key(name)}: ${block(item, `${indent}  `)}`];
      }
      return [`${indent}${key(name)}: ${scalar(item)}`];
    });
  }
  return [`${indent}${scalar(value)}`];
}

/** Writes a JSON value as a YAML document (without the `---` marker). */
export function toYaml(value: unknown): string {
  return `${write(value, '').join('\n')}\n`;
}
