import { parseAllDocuments } from 'yaml';
import { importRunbooks } from './importRunbooks';
import { runbooksToYaml } from './toYaml';

describe('runbooksToYaml', () => {
  it('writes one YAML document per draft that reads back to the same entity', () => {
    const runbooks = importRunbooks(
      [
        '## A',
        '```bash',
        'echo "a: b" | grep -v \'#\'',
        'kubectl logs -f <pod-name>',
        '```',
        '## B',
        '```sql',
        'SELECT 1;',
        '```',
      ].join('\n'),
      { source: 'x.md', prefix: 'x', owner: 'group:default/sre' },
    );
    const yaml = runbooksToYaml(runbooks);
    const docs = parseAllDocuments(yaml);
    expect(docs.map(d => d.errors)).toEqual([[], []]);
    expect(docs.map(d => d.toJSON())).toEqual(runbooks.map(r => r.entity));
    expect(yaml.split('\n---\n')).toHaveLength(2);
    // only appliesTo is a placeholder here
    expect(yaml.match(/TODO review: placeholder/g)).toHaveLength(2);
    expect(yaml).toContain('(or pass --applies-to)');
    expect(yaml).not.toContain('(or pass --owner)');
    expect(yaml).toContain(
      '# TODO review: draft imported from x.md#a (line 1)',
    );
  });
});
