#!/usr/bin/env node
// Every image a README or doc references exists, and every image in
// docs/images/ is referenced by one (the screenshots of `yarn screenshots`).
// Names every offender. Usage: node scripts/check-images.mjs
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const IMAGES = path.join(root, 'docs/images');
const docs = ['README.md'];
for (const group of ['plugins', 'packages']) {
  for (const name of fs.readdirSync(path.join(root, group))) {
    const readme = path.join(group, name, 'README.md');
    if (fs.existsSync(path.join(root, readme))) docs.push(readme);
  }
}
for (const name of fs.readdirSync(path.join(root, 'docs'))) {
  if (name.endsWith('.md')) docs.push(path.join('docs', name));
}

const problems = [];
const referenced = new Set();
// Markdown images ![alt](path) and <img src="path">; remote images are not checked.
const pattern = /!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]*\ssrc="([^"]+)"/g;
for (const doc of docs) {
  const text = fs.readFileSync(path.join(root, doc), 'utf8');
  for (const match of text.matchAll(pattern)) {
    const target = match[1] ?? match[2];
    if (/^[a-z]+:/i.test(target)) continue;
    const file = path.resolve(root, path.dirname(doc), target.split('#')[0]);
    referenced.add(file);
    if (!fs.existsSync(file)) problems.push(`${doc}: missing image ${target}`);
  }
}
const images = fs.existsSync(IMAGES) ? fs.readdirSync(IMAGES) : [];
for (const name of images) {
  if (!referenced.has(path.join(IMAGES, name))) {
    problems.push(`docs/images/${name} is referenced by no README or doc`);
  }
}
for (const problem of problems) console.error(problem);
if (problems.length) {
  console.error(`image check failed: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `image check: ${referenced.size} referenced image(s) exist, all ${images.length} in docs/images referenced`,
);
