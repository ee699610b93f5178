import { parser } from '@prometheus-io/lezer-promql';

/**
 * Undefined when the PromQL expression parses, else where it stops: a
 * catalog query copied into a rule file must not break the whole file.
 */
export function checkPromql(query: string): string | undefined {
  const tree = parser.parse(query);
  let at: number | undefined;
  tree.iterate({
    enter: node => {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  return at === undefined
    ? undefined
    : `"${query}" is not valid PromQL (at character ${at + 1})`;
}
