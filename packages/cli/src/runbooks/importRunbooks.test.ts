import fs from 'node:fs';
import path from 'node:path';
import {
  expectValidImport,
  type ExpectedCommand,
} from '../testing/manualExpectations';
import {
  DRAFT_APPLIES_TO,
  DRAFT_OWNER,
  IMPORTED_FROM_ANNOTATION,
  importRunbooks,
} from './importRunbooks';

const options = { source: 'manual.md', prefix: 'demo' };

describe('importRunbooks', () => {
  it('makes a runbook of each section with a procedure, steps from its code and list', () => {
    const [restore, ...rest] = importRunbooks(
      [
        '# 運用マニュアル',
        '## 概要',
        'No procedure here.',
        '### リストア手順',
        'Restore from the nightly dump.',
        '',
        '```bash',
        '# 1. サービスの停止',
        'docker compose stop',
        '',
        '# 2. データベースのリストア',
        'psql $EVENT_STORE_URL < event_store_backup.sql',
        '```',
        '',
        '```sql',
        'SELECT count(*) FROM events;',
        '```',
        '',
        '3. **動作確認**',
        '   - ヘルスチェック実行',
      ].join('\n'),
      options,
    );
    expect(rest).toEqual([]);
    expect(restore.anchor).toBe('リストア手順');
    expect(restore.entity).toEqual({
      apiVersion: 'unyo.dev/v1alpha1',
      kind: 'Runbook',
      metadata: {
        name: 'demo-01',
        title: 'リストア手順',
        annotations: { [IMPORTED_FROM_ANNOTATION]: 'manual.md#リストア手順' },
      },
      spec: {
        titleJa: 'リストア手順',
        description: 'Restore from the nightly dump.',
        owner: DRAFT_OWNER,
        appliesTo: [DRAFT_APPLIES_TO],
        steps: [
          {
            title: 'サービスの停止',
            titleJa: 'サービスの停止',
            run: 'docker compose stop',
            language: 'bash',
          },
          {
            title: 'データベースのリストア',
            titleJa: 'データベースのリストア',
            run: 'psql $EVENT_STORE_URL < event_store_backup.sql',
            language: 'bash',
          },
          {
            title: 'リストア手順',
            titleJa: 'リストア手順',
            run: 'SELECT count(*) FROM events;',
            language: 'sql',
          },
          {
            title: '動作確認',
            titleJa: '動作確認',
            description: '- ヘルスチェック実行',
          },
        ],
      },
    });
    expect(restore.placeholders).toEqual(['spec.owner', 'spec.appliesTo']);
  });

  it('uses the given owner and appliesTo, and ASCII words of the heading in names', () => {
    const [runbook] = importRunbooks(
      '## Query Service のスケールアウト\n```bash\nkubectl scale deployment query-service --replicas=5\n```',
      {
        ...options,
        owner: 'group:default/sre',
        appliesTo: ['component:default/query-service', 'resource:default/db'],
      },
    );
    expect(runbook.entity.metadata.name).toBe('demo-01-query-service');
    expect(runbook.entity.spec.owner).toBe('group:default/sre');
    expect(runbook.entity.spec.appliesTo).toEqual([
      'component:default/query-service',
      'resource:default/db',
    ]);
    expect(runbook.placeholders).toEqual([]);
  });

  it('merges numbered sub-headings into their parent, but not numbered procedures of their own', () => {
    const markdown = [
      '## デプロイ',
      '#### 1. 環境変数の設定',
      '```bash',
      'export POOL_SIZE=10',
      '```',
      '#### 2. サービスの起動',
      '```bash',
      'docker compose up -d',
      '```',
      '## 復旧手順',
      '#### 1. システム全体のダウン',
      '```bash',
      '# 1. 状況確認',
      './scripts/health_check_all.sh',
      '```',
      '#### 2. 部分的な障害',
      '**症状**: 一部のサービスが応答しない',
      '```bash',
      'kubectl get pods --all-namespaces | grep -v Running',
      '```',
    ].join('\n');
    const auto = importRunbooks(markdown, options);
    expect(
      auto.map(r => [
        r.entity.metadata.title,
        r.entity.spec.steps.map(s => s.title),
      ]),
    ).toEqual([
      ['デプロイ', ['環境変数の設定', 'サービスの起動']],
      ['システム全体のダウン', ['状況確認']],
      ['部分的な障害', ['部分的な障害']],
    ]);
    expect(auto[2].entity.spec.description).toBe(
      '**症状**: 一部のサービスが応答しない',
    );

    // --level 2: each level-2 section is a runbook, everything under it steps
    const level2 = importRunbooks(markdown, { ...options, level: 2 });
    expect(level2.map(r => r.entity.spec.steps.length)).toEqual([2, 2]);
    expect(level2[1].entity.spec.steps.map(s => s.title)).toEqual([
      'システム全体のダウン',
      '部分的な障害',
    ]);
    // --level 4: the numbered sub-headings are runbooks of their own
    expect(importRunbooks(markdown, { ...options, level: 4 })).toHaveLength(4);
  });

  it('leaves tables of contents, diagrams, sample output and alert rules out of the steps', () => {
    const runbooks = importRunbooks(
      [
        '## 目次',
        '1. [日常運用](#1-日常運用)',
        '2. [監視](#2-監視)',
        '## 構成',
        '```mermaid',
        'graph TB',
        '```',
        '## アラート',
        '```yaml',
        'groups:',
        '  - name: critical',
        '    rules:',
        '      - alert: ServiceDown',
        '        expr: up == 0',
        '```',
        '## ヘルスチェック',
        '```bash',
        'curl http://localhost:4000/health',
        '```',
        '**期待されるレスポンス**:',
        '```json',
        '{ "status": "ok" }',
        '```',
      ].join('\n'),
      options,
    );
    expect(runbooks.map(r => r.entity.metadata.title)).toEqual([
      'ヘルスチェック',
    ]);
    expect(runbooks[0].entity.spec.steps).toEqual([
      expect.objectContaining({
        run: 'curl http://localhost:4000/health',
        description:
          '**期待されるレスポンス**:\n\n```json\n{ "status": "ok" }\n```',
      }),
    ]);
  });

  it('states severity only when the manual does, and alerts only when a runbook names a rule', () => {
    const runbooks = importRunbooks(
      [
        '## Rules',
        '```yaml',
        '- alert: QueueBacklog',
        '  expr: mairust_queue_length > 1000',
        '- alert: StorageAlmostFull',
        '  expr: x > 0.9',
        '```',
        '### Critical: サービス停止',
        '1. QueueBacklog が発報したら確認する',
        '   ```bash',
        '   mairust queue stats',
        '   ```',
        '### P2 対応',
        '```bash',
        'mairust status',
        '```',
        '### 通常対応',
        '重要度: high',
        '',
        '```bash',
        'mairust check db  # QueueBacklogs is not an alert name',
        '```',
        '### 手順',
        '```bash',
        'mairust logs',
        '```',
      ].join('\n'),
      options,
    );
    expect(
      runbooks.map(r => [r.entity.spec.severity, r.entity.spec.alerts]),
    ).toEqual([
      ['critical', ['QueueBacklog']],
      ['P2', undefined],
      ['high', undefined],
      [undefined, undefined],
    ]);
  });

  it('keeps names unique, valid and within 63 characters', () => {
    const long = 'very long heading words '.repeat(5);
    const runbooks = importRunbooks(
      Array.from(
        { length: 12 },
        (_, i) => `## ${i % 2 ? long : 'ログ'}\n\`\`\`bash\necho ${i}\n\`\`\``,
      ).join('\n'),
      { ...options, prefix: 'a-fairly-long-prefix-for-names' },
    );
    const names = runbooks.map(r => r.entity.metadata.name);
    expect(new Set(names).size).toBe(12);
    expect(names[0]).toBe('a-fairly-long-prefix-for-names-01');
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

// Excerpts of the five seed manuals (see __fixtures__/README.md): small,
// focused inputs beside the full manuals of seeds.test.ts.
const fixtures: Record<string, ExpectedCommand[]> = {
  'elixir-cqrs.md': [
    {
      command: 'pg_dump $EVENT_STORE_URL > "$BACKUP_DIR/event_store_$DATE.sql"',
      language: 'bash',
    },
    {
      command:
        'docker compose run --rm command_service mix rebuild_projections',
      language: 'bash',
    },
    { command: ':recon.proc_count(:memory, 10)', language: 'elixir' },
    {
      command: 'kubectl get pods --all-namespaces | grep -v Running',
      language: 'bash',
    },
  ],
  'scalar-auditor.md': [
    {
      command: 'patronictl -c /etc/patroni/patroni.yml failover',
      language: 'bash',
    },
    {
      command:
        'kubectl rollout restart deployment/<service-name> -n production',
      language: 'bash',
    },
    { command: 'nodetool status', language: 'bash' },
  ],
  'azure-saas.md': [
    {
      command: 'az webapp config appsettings set --resource-group rg-poc-prod',
      language: 'bash',
    },
    { command: 'docker-compose restart cosmosdb', language: 'bash' },
  ],
  'rainbow-seeker.md': [
    { command: 'bundle exec kamal accessory reboot db', language: 'bash' },
    {
      command:
        'pg_restore -U shiojiri_rainbow_seeker -d shiojiri_rainbow_seeker_production --clean /backup/backup.dump',
      language: 'bash',
    },
  ],
  'mairust.md': [
    { command: 'pg_restore -d mairust /backup/db.dump', language: 'bash' },
    { command: 'mairust migrate rollback --to=<version>', language: 'bash' },
  ],
};

describe.each(Object.entries(fixtures))(
  'importRunbooks on the excerpt %s',
  (file, commands) => {
    const markdown = fs.readFileSync(
      path.join(__dirname, '../__fixtures__', file),
      'utf8',
    );

    it('gives valid Runbook drafts with the manual commands as run steps', () => {
      expectValidImport(
        importRunbooks(markdown, { source: file, prefix: 'x' }),
        commands,
      );
    });

    it.each([2, 3, 4])('gives valid drafts with --level %i too', level => {
      const runbooks = importRunbooks(markdown, {
        source: file,
        prefix: 'x',
        level,
      });
      expectValidImport(runbooks, runbooks.length ? commands : []);
    });
  },
);
