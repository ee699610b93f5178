import fs from 'node:fs';
import path from 'node:path';
import { importRunbooks } from './runbooks/importRunbooks';
import {
  expectValidImport,
  type ExpectedCommand,
} from './testing/manualExpectations';

// The five seed manuals, committed with their provenance in
// examples/manuals/README.md.
const seedsDir = path.resolve(__dirname, '../../../examples/manuals');

const seeds: Record<string, ExpectedCommand[]> = {
  '000_2208dc3f8263d3a3.txt': [
    {
      command: 'pg_dump $QUERY_DB_URL > "$BACKUP_DIR/query_db_$DATE.sql"',
      language: 'bash',
    },
    {
      command: 'kubectl scale deployment query-service --replicas=5',
      language: 'bash',
    },
    {
      command: 'docker compose up -d --scale query_service=3',
      language: 'bash',
    },
    { command: ':erlang.memory()', language: 'elixir' },
    {
      command:
        'CREATE INDEX CONCURRENTLY idx_products_category_price ON products(category_id, price);',
      language: 'sql',
    },
  ],
  '001_1384875096aa110e.txt': [
    {
      command:
        'kubectl drain <node-name> --ignore-daemonsets --delete-emptydir-data',
      language: 'bash',
    },
    {
      command:
        'patronictl -c /etc/patroni/patroni.yml switchover --master <dr-node>',
      language: 'bash',
    },
    { command: 'FROM pg_stat_user_tables', language: 'sql' },
    { command: 'nodetool repair -pr event', language: 'bash' },
  ],
  '002_974acb137de82ad2.txt': [
    {
      command:
        'az cosmosdb restore \\\n --target-database-account-name cosmos-poc-restored',
      language: 'bash',
    },
    { command: 'docker stats', language: 'bash' },
    { command: 'requests | where success == false', language: 'kusto' },
  ],
  '003_1e240d0b7039836c.txt': [
    { command: 'bundle exec kamal app boot', language: 'bash' },
    {
      command:
        'pg_dump -U shiojiri_rainbow_seeker -Fc shiojiri_rainbow_seeker_production',
      language: 'bash',
    },
    {
      command: 'curl -f https://api.shiojiri-rainbow.app/up',
      language: 'bash',
    },
  ],
  '004_822f4f3a7c7e1504.txt': [
    { command: 'pg_dump -Fc mairust > $BACKUP_DIR/db.dump', language: 'bash' },
    { command: 'mairust migrate', language: 'bash' },
    { command: 'mairust queue stats', language: 'bash' },
  ],
};

describe('importing the seed manuals in examples/manuals', () => {
  it('has all five seeds', () => {
    expect(
      fs
        .readdirSync(seedsDir)
        .filter(f => f.endsWith('.txt'))
        .sort(),
    ).toEqual(Object.keys(seeds));
  });

  describe.each(Object.entries(seeds))('%s', (file, commands) => {
    const markdown = () => fs.readFileSync(path.join(seedsDir, file), 'utf8');

    it('gives valid Runbook drafts with the manual commands as run steps', () => {
      const runbooks = importRunbooks(markdown(), {
        source: file,
        prefix: 'seed',
      });
      expectValidImport(runbooks, commands);
      // every draft says where in the manual it comes from
      for (const { entity, anchor } of runbooks) {
        expect(entity.metadata.annotations).toEqual({
          'unyo.dev/imported-from': `${file}#${anchor}`,
        });
      }
    });

    it.each([1, 2, 3, 4])('gives valid drafts with --level %i', level => {
      expectValidImport(
        importRunbooks(markdown(), { source: file, prefix: 'seed', level }),
        commands,
      );
    });
  });
});
