#!/usr/bin/env node
// Packs every published package (every workspace that is not private) the way
// a release does (`yarn pack`: the package's prepack rewrites package.json to
// point at dist/, Yarn replaces `workspace:` ranges) and checks each tarball
// as an adopter's install would see it:
//   - dist/ is in it, and every main/module/types/exports/bin target exists;
//   - no dependency range is still `workspace:`;
//   - every export resolves in Node (and backend/common packages load);
//   - every bare import in dist/**/*.{js,d.ts} is a declared dependency or
//     peerDependency (an undeclared one breaks an adopter's type-check or build).
// Run after `yarn tsc` and `backstage-cli repo build` (dist must be current).
// Tarballs land in .adoption/tarballs/ for scripts/adoption/adoption-test.sh.
//
//   node scripts/adoption/pack-check.mjs [--no-pack]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const work = path.join(root, '.adoption');
const tarballs = path.join(work, 'tarballs');
// Extracted packages live under a node_modules inside the repository: they find
// each other there first and their third-party dependencies in the root's node_modules.
const unpacked = path.join(work, 'unpacked', 'node_modules');
const pack = !process.argv.includes('--no-pack');

const yarn = (args, cwd = root) =>
  execFileSync('yarn', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** The published packages: every workspace whose package.json is not private. */
export function publishedWorkspaces() {
  return yarn(['workspaces', 'list', '--json'])
    .trim()
    .split('\n')
    .map(line => JSON.parse(line))
    .filter(w => w.location !== '.')
    .map(w => {
      const dir = path.join(root, w.location);
      return {
        dir,
        location: w.location,
        json: JSON.parse(
          fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
        ),
      };
    })
    .filter(w => !w.json.private);
}

const tarballName = name => `${name.replace(/^@/, '').replace('/', '-')}.tgz`;

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file, out);
    else out.push(file);
  }
  return out;
}

const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
// A module specifier: no spaces or quotes (so code inside template strings is not taken for one).
const SPEC = `['"]([@\\w][\\w@./:~-]*)['"]`;
const IMPORT_PATTERNS = [
  new RegExp(`\\bfrom\\s*${SPEC}`, 'g'),
  new RegExp(`\\bimport\\s*${SPEC}`, 'g'),
  new RegExp(`\\bimport\\(\\s*${SPEC}\\s*\\)`, 'g'),
  new RegExp(`\\brequire\\(\\s*${SPEC}\\s*\\)`, 'g'),
];

/** Bare package names imported by a file of dist (not relative, not Node's own). */
export function bareImports(source) {
  const names = new Set();
  for (const pattern of IMPORT_PATTERNS) {
    for (const [, spec] of source.matchAll(pattern)) {
      if (spec.startsWith('.') || spec.startsWith('/') || builtins.has(spec))
        continue;
      if (spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

/** Every file a package.json field points at. */
function entryTargets(json) {
  const targets = [];
  for (const field of ['main', 'module', 'types', 'typings']) {
    if (typeof json[field] === 'string') targets.push([field, json[field]]);
  }
  const bins =
    typeof json.bin === 'string' ? { bin: json.bin } : json.bin ?? {};
  for (const [name, file] of Object.entries(bins))
    targets.push([`bin.${name}`, file]);
  const visit = (value, where) => {
    if (typeof value === 'string') targets.push([where, value]);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value))
        visit(inner, `${where}[${key}]`);
    }
  };
  visit(json.exports, 'exports');
  for (const [sub, files] of Object.entries(json.typesVersions?.['*'] ?? {})) {
    for (const file of files) targets.push([`typesVersions.${sub}`, file]);
  }
  return targets;
}

/** Packs a workspace into .adoption/tarballs and extracts it; returns an error or undefined. */
function packAndExtract(w) {
  const tarball = path.join(tarballs, tarballName(w.json.name));
  if (pack) {
    try {
      yarn(['pack', '--out', tarball], w.dir);
    } catch (error) {
      return `yarn pack failed: ${
        (error.stdout || '') + (error.stderr || '')
      }`.trim();
    }
  }
  const dir = path.join(unpacked, w.json.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
  return undefined;
}

async function checkPackage(name) {
  const problems = [];
  const dir = path.join(unpacked, name);
  const json = JSON.parse(
    fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
  );

  if (!fs.existsSync(path.join(dir, 'dist')))
    problems.push('the tarball has no dist/');
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [dep, range] of Object.entries(json[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        problems.push(`${field}.${dep} is still ${range}`);
    }
  }
  for (const field of [
    'description',
    'license',
    'repository',
    'keywords',
    'homepage',
  ]) {
    if (!json[field]) problems.push(`package.json has no ${field}`);
  }
  if (json.repository && !json.repository.directory)
    problems.push('repository has no directory');
  const role = json.backstage?.role;
  if (!role) problems.push('package.json has no backstage.role');
  if (role && role !== 'cli' && !json.backstage.pluginId)
    problems.push('no backstage.pluginId');
  if (
    role &&
    role !== 'cli' &&
    !json.backstage.pluginPackages?.length &&
    !json.backstage.pluginPackage
  ) {
    problems.push(
      'no backstage.pluginPackages (or pluginPackage for a module)',
    );
  }
  for (const [where, file] of entryTargets(json)) {
    if (where.endsWith('[backstage]')) continue; // Backstage's marker, not a file
    if (/(^|\/)src\//.test(file))
      problems.push(`${where} points at sources: ${file}`);
    else if (!fs.existsSync(path.join(dir, file)))
      problems.push(`${where} -> ${file} is not in the tarball`);
  }

  // Every export resolves in Node, through the package's name as an adopter imports it.
  const require = createRequire(path.join(unpacked, 'resolver.js'));
  const subpaths = json.exports ? Object.keys(json.exports) : ['.'];
  for (const sub of subpaths) {
    if (sub.includes('*')) continue;
    const spec = sub === '.' ? name : `${name}/${sub.replace(/^\.\//, '')}`;
    const conditions = json.exports?.[sub];
    try {
      if (
        sub === './package.json' ||
        typeof conditions !== 'object' ||
        conditions.require ||
        conditions.default
      ) {
        const resolved = require.resolve(spec);
        if (!resolved.startsWith(dir))
          problems.push(`${spec} resolved outside the tarball: ${resolved}`);
      }
      if (conditions && typeof conditions === 'object' && conditions.import) {
        const resolved = await resolveImport(spec);
        if (!fileURLToPath(resolved).startsWith(dir))
          problems.push(`${spec} (import) resolved outside the tarball`);
      }
    } catch (error) {
      problems.push(
        `${spec} does not resolve in Node: ${error.message.split('\n')[0]}`,
      );
    }
  }
  // Backend and common packages run in Node as they are: load them.
  if (
    [
      'backend-plugin',
      'backend-plugin-module',
      'node-library',
      'common-library',
    ].includes(role)
  ) {
    try {
      require(name);
    } catch (error) {
      problems.push(
        `require('${name}') fails: ${error.message.split('\n')[0]}`,
      );
    }
  }

  const declared = new Set([
    name,
    ...Object.keys(json.dependencies ?? {}),
    ...Object.keys(json.peerDependencies ?? {}),
    ...Object.keys(json.optionalDependencies ?? {}),
  ]);
  const undeclared = new Map();
  for (const file of walk(path.join(dir, 'dist'))) {
    if (!/\.(c|m)?js$|\.d\.ts$/.test(file)) continue;
    for (const dep of bareImports(fs.readFileSync(file, 'utf8'))) {
      if (!declared.has(dep) && !undeclared.has(dep))
        undeclared.set(dep, path.relative(dir, file));
    }
  }
  for (const [dep, file] of undeclared) {
    problems.push(
      `${file} imports ${dep}, which is not in dependencies or peerDependencies`,
    );
  }
  return problems;
}

// import.meta.resolve answers for the module it is called in: ask a module beside the packages.
let importResolver;
async function resolveImport(spec) {
  if (!importResolver) {
    const file = path.join(unpacked, 'resolver.mjs');
    fs.writeFileSync(
      file,
      'export const resolve = spec => import.meta.resolve(spec);\n',
    );
    importResolver = (await import(pathToFileURL(file).href)).resolve;
  }
  return importResolver(spec);
}

async function main() {
  fs.mkdirSync(tarballs, { recursive: true });
  const workspaces = publishedWorkspaces();
  console.log(
    `pack-check: ${workspaces.length} published packages: ${workspaces
      .map(w => w.json.name)
      .join(', ')}`,
  );
  // backstage.pluginPackages and friends must be complete for `yarn pack` to succeed.
  try {
    yarn(['backstage-cli', 'repo', 'fix', '--publish', '--check']);
  } catch (error) {
    console.error(
      `pack-check: package metadata is incomplete; run: yarn backstage-cli repo fix --publish\n${error.stdout}${error.stderr}`,
    );
    process.exitCode = 1;
  }
  let failed = 0;
  // All are extracted before any is checked, so that they find each other, not the workspace.
  const packErrors = new Map(workspaces.map(w => [w, packAndExtract(w)]));
  for (const w of workspaces) {
    const packError = packErrors.get(w);
    const problems = packError ? [packError] : await checkPackage(w.json.name);
    if (problems.length) {
      failed++;
      console.error(`FAIL ${w.json.name} (${w.location})`);
      for (const p of problems) console.error(`  - ${p}`);
    } else {
      const size = fs.statSync(
        path.join(tarballs, tarballName(w.json.name)),
      ).size;
      console.log(
        `ok   ${w.json.name} -> .adoption/tarballs/${tarballName(
          w.json.name,
        )} (${Math.round(size / 1024)} kB)`,
      );
    }
  }
  if (failed) {
    console.error(
      `pack-check: ${failed} of ${workspaces.length} packages fail`,
    );
    process.exitCode = 1;
  }
}

await main();
