#!/usr/bin/env node
// Applies the install steps of Unyo's READMEs to a fresh Backstage app, so that
// the adoption test and the docs cannot drift. A step is a fenced code block
// whose info string has a title: title="shell" runs the block in the app's
// folder; title="<path>" edits that file of the app:
//   *.json         deep-merged into the file
//   *.yaml         deep-merged into the file (arrays replace, as Backstage merges config)
//   *.ts / *.tsx   import lines go after the file's imports, other lines before
//                  its last statement (e.g. `backend.start();`)
// Blocks without a title (e.g. the npm or legacy-frontend variants) are not applied.
//
//   node scripts/adoption/apply-readme-steps.mjs <app dir> <README>...
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const YAML = require('yaml');

/** The titled fenced blocks of a Markdown file, in order. */
export function titledBlocks(markdown) {
  const blocks = [];
  const fence = /^```(\w+)[^\n]*?\btitle="([^"]+)"[^\n]*\n([\s\S]*?)^```\s*$/gm;
  for (const [, lang, title, body] of markdown.matchAll(fence))
    blocks.push({ lang, title, body });
  return blocks;
}

const isObject = v => v && typeof v === 'object' && !Array.isArray(v);
function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    target[key] =
      isObject(value) && isObject(target[key])
        ? merge(target[key], value)
        : value;
  }
  return target;
}

function editSource(file, body) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const imports = [];
  const statements = [];
  for (const line of body.trimEnd().split('\n'))
    (/^import\s/.test(line) ? imports : statements).push(line);
  let lastImport = -1;
  lines.forEach((line, i) => {
    if (/^import\s|^} from /.test(line)) lastImport = i;
  });
  lines.splice(lastImport + 1, 0, ...imports);
  let last = lines.length - 1;
  while (last > 0 && !lines[last].trim()) last--;
  lines.splice(last, 0, ...statements, '');
  fs.writeFileSync(file, lines.join('\n'));
}

function apply(app, block, source) {
  console.log(`adoption: ${source}: ${block.title}`);
  if (block.title === 'shell') {
    execFileSync('bash', ['-euo', 'pipefail', '-c', block.body], {
      cwd: app,
      stdio: 'inherit',
    });
    return;
  }
  const file = path.join(app, block.title);
  if (/\.json$/.test(file)) {
    const json = merge(
      JSON.parse(fs.readFileSync(file, 'utf8')),
      JSON.parse(block.body),
    );
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  } else if (/\.ya?ml$/.test(file)) {
    const current = fs.existsSync(file)
      ? YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}
      : {};
    fs.writeFileSync(
      file,
      YAML.stringify(merge(current, YAML.parse(block.body))),
    );
  } else if (/\.tsx?$/.test(file)) {
    editSource(file, block.body);
  } else {
    throw new Error(
      `${source}: no rule to apply a block titled ${block.title}`,
    );
  }
}

const [app, ...readmes] = process.argv.slice(2);
let applied = 0;
for (const readme of readmes) {
  for (const block of titledBlocks(fs.readFileSync(readme, 'utf8'))) {
    apply(
      app,
      block,
      path.basename(path.dirname(path.resolve(readme))) +
        '/' +
        path.basename(readme),
    );
    applied++;
  }
}
if (!applied) throw new Error('no titled install steps found in the READMEs');
console.log(`adoption: applied ${applied} README steps`);
