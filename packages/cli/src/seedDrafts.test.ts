import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { importRunbooks } from './runbooks/importRunbooks';

// The drafts the importer gave for the five seed manuals before it read
// Markdown with remark, pinned so a change of parser changes nothing:
// __fixtures__/seed-drafts/<manual>.json holds the default import in full
// and the sha256 of the JSON of the imports with --level 1 to 4.
const seedsDir = path.resolve(__dirname, '../../../examples/manuals');
const expectedDir = path.join(__dirname, '__fixtures__/seed-drafts');

type Expected = {
  drafts: ReturnType<typeof importRunbooks>;
  levelSha256: Record<string, string>;
};

const sha256 = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('seed manual drafts', () => {
  const manuals = fs.readdirSync(seedsDir).filter(f => f.endsWith('.txt'));

  it('pins all five manuals', () => {
    expect(fs.readdirSync(expectedDir).sort()).toEqual(
      manuals.map(f => `${f}.json`).sort(),
    );
  });

  it.each(manuals)('%s gives the pinned drafts', file => {
    const markdown = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    const expected: Expected = JSON.parse(
      fs.readFileSync(path.join(expectedDir, `${file}.json`), 'utf8'),
    );
    const drafts = (level?: number) =>
      JSON.parse(
        JSON.stringify(
          importRunbooks(markdown, { source: file, prefix: 'seed', level }),
        ),
      );
    expect(drafts()).toEqual(expected.drafts);
    expect(
      Object.fromEntries([1, 2, 3, 4].map(l => [l, sha256(drafts(l))])),
    ).toEqual(expected.levelSha256);
  });
});
