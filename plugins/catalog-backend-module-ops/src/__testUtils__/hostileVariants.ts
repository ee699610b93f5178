/** One change to a valid document, named for the report of a failure. */
export type Variant = { change: string; document: unknown };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function wrongTypeFor(value: Json): Json {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { not: 'a list' };
  if (value === null) return 7;
  return 'not an object';
}

function withChange(
  root: Json,
  at: (string | number)[],
  change: (parent: any, key: string | number) => void,
): Json {
  const copy = structuredClone(root);
  let parent: any = copy;
  for (const key of at.slice(0, -1)) parent = parent[key];
  change(parent, at[at.length - 1]);
  return copy;
}

function pathsUnder(
  value: Json,
  at: (string | number)[],
): (string | number)[][] {
  let children: [string | number, Json][] = [];
  if (Array.isArray(value)) {
    children = value.map((v, i) => [i, v]);
  } else if (value && typeof value === 'object') {
    children = Object.entries(value);
  }
  return children.flatMap(([key, child]) => [
    [...at, key],
    ...pathsUnder(child, [...at, key]),
  ]);
}

/**
 * Every document one hostile change away from `document`: under `spec` (and
 * `apiVersion`, `kind`) each field removed, and each value replaced by one of
 * the wrong type. `metadata` is left to Backstage's own envelope rules.
 */
export function hostileVariants(document: Json): Variant[] {
  const root = document as { [k: string]: Json };
  const paths: (string | number)[][] = [
    ['apiVersion'],
    ['kind'],
    ['spec'],
    ...pathsUnder(root.spec, ['spec']),
  ];
  const name = (at: (string | number)[]) =>
    at
      .map(k => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .slice(1);
  return paths.flatMap(at => {
    let value: any = root;
    for (const key of at) value = value[key];
    return [
      {
        change: `remove ${name(at)}`,
        document: withChange(root, at, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        }),
      },
      {
        change: `${name(at)} of the wrong type`,
        document: withChange(root, at, (parent, key) => {
          parent[key] = wrongTypeFor(value);
        }),
      },
    ];
  });
}
