import { splitCode } from './splitCode';

describe('splitCode', () => {
  it('splits a shell block on the comments that open its parts', () => {
    expect(
      splitCode(
        'bash',
        [
          '# 1. サービスの停止',
          'docker compose stop',
          '',
          '# 2. データベースのリストア',
          'psql $EVENT_STORE_URL < event_store_backup.sql',
          'psql $QUERY_DB_URL < query_db_backup.sql',
        ].join('\n'),
      ),
    ).toEqual([
      { title: 'サービスの停止', code: 'docker compose stop' },
      {
        title: 'データベースのリストア',
        code: 'psql $EVENT_STORE_URL < event_store_backup.sql\npsql $QUERY_DB_URL < query_db_backup.sql',
      },
    ]);
  });

  it('turns a comment-only header into the context of numbered parts', () => {
    const parts = splitCode(
      'bash',
      [
        '# PostgreSQL',
        '# 1. 接続確認',
        'psql -c "SELECT 1"',
        '',
        '# Cassandra',
        '# 1. クラスタ状態',
        'nodetool status',
      ].join('\n'),
    );
    expect(parts).toEqual([
      { title: '接続確認', context: 'PostgreSQL', code: 'psql -c "SELECT 1"' },
      { title: 'クラスタ状態', context: 'Cassandra', code: 'nodetool status' },
    ]);
  });

  it('splits SQL on -- comments and Kusto on // comments', () => {
    expect(
      splitCode('sql', '-- a\nSELECT 1;\n\n-- b\nSELECT 2;').map(p => p.title),
    ).toEqual(['a', 'b']);
    expect(
      splitCode('kusto', '// errors\ntraces\n\n// slow\nrequests').map(
        p => p.code,
      ),
    ).toEqual(['traces', 'requests']);
  });

  it('keeps scripts, single parts, indented comments and other languages whole', () => {
    const script = '#!/bin/bash\n# backup.sh\n\n# Event Store\npg_dump x';
    expect(splitCode('bash', script)).toEqual([{ code: script }]);
    const one = '# 各サービスのメトリクス\ncurl a  # Client\ncurl b';
    expect(splitCode('bash', one)).toEqual([{ code: one }]);
    const elixir = '# a\n:erlang.memory()\n\n# b\n:recon.bin_leak(10)';
    expect(splitCode('elixir', elixir)).toEqual([{ code: elixir }]);
    const inner = 'run() {\n\n  # not a part\n  echo\n}';
    expect(splitCode('sh', inner)).toEqual([{ code: inner }]);
  });
});
