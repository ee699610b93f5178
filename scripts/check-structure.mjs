#!/usr/bin/env node
// Fails on any import cycle between the source files of the Unyo packages
// (plugins/*, packages/*; type-only imports included) and on any source file
// over MAX_LINES lines that is not a test, bench, fixture or test helper.
// Names every offender. Usage: node scripts/check-structure.mjs
import fs from 'node:fs';
import path from 'node:path';

const MAX_LINES = 350;
const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const EXTS = ['.ts', '.tsx', '.js', '.jsx', '.mjs'];
const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  'dist-types',
  'e2e-test-results',
]);

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (
      EXTS.includes(path.extname(entry.name)) &&
      !entry.name.endsWith('.d.ts')
    )
      out.push(full);
  }
  return out;
}

const packages = new Map(); // package name → its directory
for (const group of ['plugins', 'packages']) {
  const base = path.join(root, group);
  if (!fs.existsSync(base)) continue;
  for (const name of fs.readdirSync(base)) {
    const manifest = path.join(base, name, 'package.json');
    if (fs.existsSync(manifest))
      packages.set(
        JSON.parse(fs.readFileSync(manifest, 'utf8')).name,
        path.join(base, name),
      );
  }
}

const files = [...packages.values()].flatMap(dir =>
  walk(path.join(dir, 'src')),
);
const known = new Set(files);

function resolveFile(base) {
  for (const candidate of [
    base,
    ...EXTS.map(e => base + e),
    ...EXTS.map(e => path.join(base, `index${e}`)),
  ]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

function resolveImport(from, spec) {
  if (spec.startsWith('.'))
    return resolveFile(path.resolve(path.dirname(from), spec));
  for (const [name, dir] of packages) {
    if (spec === name) return resolveFile(path.join(dir, 'src', 'index'));
    if (spec.startsWith(`${name}/`))
      return resolveFile(path.join(dir, 'src', spec.slice(name.length + 1)));
  }
  return undefined;
}

const IMPORT =
  /(?:\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?|\bexport\s+(?:type\s+)?[^'";]*?\s+from\s+|\bimport\(\s*|\brequire\(\s*|\bjest\.mock\(\s*)['"]([^'"]+)['"]/g;

const graph = new Map();
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const deps = new Set();
  for (const m of text.matchAll(IMPORT)) {
    const target = resolveImport(file, m[1]);
    if (target && target !== file) deps.add(target);
  }
  graph.set(file, [...deps]);
}

// Tarjan's strongly connected components: each with more than one node is a cycle.
function cyclesOf(g) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  function connect(v) {
    state.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of g.get(v)) {
      if (!state.has(w)) {
        connect(w);
        state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
      } else if (state.get(w).onStack) {
        state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
      }
    }
    if (state.get(v).low === state.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component);
    }
  }
  for (const v of g.keys()) if (!state.has(v)) connect(v);
  return found;
}

const isTestOrBench = file =>
  /\.(test|spec|bench)\.[jt]sx?$/.test(file) ||
  /[\\/](__testUtils__|__fixtures__|__mocks__|bench|e2e-tests|testUtils|generated)[\\/]/.test(
    file,
  ) ||
  /[\\/]setupTests\.[jt]s$/.test(file);
const cycles = cyclesOf(graph);

const long = files
  .filter(f => !isTestOrBench(f))
  .map(f => ({
    file: f,
    lines: fs.readFileSync(f, 'utf8').split('\n').length - 1,
  }))
  .filter(f => f.lines > MAX_LINES)
  .sort((a, b) => b.lines - a.lines);

const rel = f => path.relative(root, f);
for (const cycle of cycles) {
  console.error(`Import cycle: ${cycle.map(rel).sort().join(' <-> ')}`);
}
for (const { file, lines } of long) {
  console.error(`Over ${MAX_LINES} lines: ${rel(file)} (${lines})`);
}
if (cycles.length || long.length) {
  console.error(
    `structure check failed: ${cycles.length} import cycle(s), ${long.length} file(s) over ${MAX_LINES} lines`,
  );
  process.exit(1);
}
console.log(
  `structure check: ${files.length} source files, no import cycle, none over ${MAX_LINES} lines outside tests and benches`,
);
