import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import {
  entity,
  exampleRules,
  manual,
  repo,
  yamlDocs,
} from './__testUtils__/exampleFiles';

// The disaster-recovery, alert-rule, SLO and runbook facts of issue "The
// manuals as they are written" (second part), each checked against the
// number or command the manual itself states (examples/manuals).

/** The alert rules of the manual's ```yaml blocks. */
function manualRules(text: string): any[] {
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map(m => parse(m[1]))
    .filter(doc => doc?.groups)
    .flatMap(doc => doc.groups.flatMap((g: any) => g.rules));
}

const MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 };
const minutes = (d: string) => Number(d.slice(0, -1)) * MINUTES[d.slice(-1)];

describe('Scalar Auditor as its manual states it (001)', () => {
  const text = manual('001_');

  it.each(['PodRestartLoop', 'DiskSpaceRunningLow'])(
    '%s covers what the manual rule covers (every pod / node filesystem)',
    alert => {
      const expected = manualRules(text).find(r => r.alert === alert);
      expect(expected).toBeDefined();
      const ours = exampleRules('scalar-auditor.rules.yml').filter(
        r => r.alert === alert,
      );
      // one rule, not one per service or volume
      expect(ours).toHaveLength(1);
      const [rule] = ours;
      // the manual's expression; the only selector added keeps the demo's
      // shared Prometheus to this system's series
      expect(rule.expr.replaceAll('{system="scalar-auditor"}', '')).toBe(
        expected.expr,
      );
      expect(rule.for).toBe(expected.for);
      expect(rule.labels.severity).toBe(expected.labels.severity);
      expect(rule.labels.service).toBeUndefined();
    },
  );

  it('every backup policy holds the DR plan RPO (6.1)', () => {
    const rpo = Number(
      /\*\*RPO\*\* \(Recovery Point Objective\) \| (\d+)分/.exec(text)![1],
    );
    const policies = yamlDocs('examples/scalar-auditor/backup-policies.yaml');
    expect(policies.map(p => p.metadata.name).sort()).toEqual([
      'scalar-auditor-cassandra-snapshots',
      'scalar-auditor-postgres-backups',
      'scalar-auditor-s3-replication',
    ]);
    for (const policy of policies) expect(minutes(policy.spec.rpo)).toBe(rpo);
  });

  it('the PostgreSQL streaming replica is a target held to that RPO', () => {
    expect(text).toMatch(/PG_P -->\|Streaming Replication\| PG_DR/);
    expect(text).toMatch(/\| レプリカ遅延監視 \| 常時 \| 自動 \|/);
    const policy = entity(
      'examples/scalar-auditor/backup-policies.yaml',
      'scalar-auditor-postgres-backups',
    );
    const replica = policy.spec.targets.find(
      (t: any) => t.name === 'streaming-replica',
    );
    expect(replica.source.query).toMatch(/replication_lag/);
    // no schedule: the row is judged against the policy's RPO itself
    expect(replica.schedule).toBeUndefined();
    expect(policy.metadata.annotations['unyo.dev/assumptions']).toContain(
      'spec.targets[1].source.query',
    );
  });

  it('the platform P99 objective applies to every service of the manual', () => {
    const ms = Number(/\*\*レイテンシ P99\*\* \| < (\d+)ms/.exec(text)![1]);
    const services = /up\{job=~"([^"]+)"\} == 0/.exec(text)![1].split('|');
    expect(services).toHaveLength(5);
    const slos = yamlDocs('examples/scalar-auditor/slos.yaml').filter(
      d => d.kind === 'SLO',
    );
    for (const service of services) {
      const objective = slos.filter(
        s =>
          s.spec.service === service &&
          s.spec.indicator?.spec.ratioMetric?.good?.metricSource.spec.query.includes(
            `le="${ms / 1000}"`,
          ),
      );
      expect({ service, count: objective.length }).toEqual({
        service,
        count: 1,
      });
      expect(objective[0].spec.objectives[0].target).toBe(0.99);
    }
  });
});

describe('Elixir CQRS backups as backup.sh does them (000)', () => {
  it('the 7-day deletion applies to the local /backups dumps, not the S3 copies', () => {
    const text = manual('000_');
    expect(text).toMatch(/BACKUP_DIR="\/backups"/);
    expect(text).toMatch(
      /find \$BACKUP_DIR -name "\*\.sql" -mtime \+7 -delete/,
    );
    expect(text).toMatch(
      /aws s3 cp "\$BACKUP_DIR\/event_store_\$DATE\.sql" s3:\/\/backup-bucket\//,
    );
    const policy = entity(
      'examples/elixir-cqrs/backup-policies.yaml',
      'elixir-cqrs-db-backups',
    );
    const s3 = policy.spec.targets.filter((t: any) => t.source.type === 's3');
    expect(s3).toHaveLength(2);
    for (const target of s3) {
      expect(target.source.bucket).toBe('backup-bucket');
      expect(target.retention).toBeUndefined();
      expect(target.retentionCount).toBeUndefined();
    }
  });
});

describe('Rainbow Seeker as its manual states it (003)', () => {
  const text = manual('003_');

  it('the quarterly SSL certificate check is a runbook with the manual command', () => {
    const quarterly = text.slice(text.indexOf('### 四半期メンテナンス'));
    const command = /1\. \*\*SSL証明書確認\*\*\n\s*```bash\n\s*(.+)\n/.exec(
      quarterly,
    )![1];
    expect(command).toMatch(
      /^openssl s_client -connect api\.shiojiri-rainbow\.app:443 .* -dates$/,
    );
    const runbooks = yamlDocs('examples/rainbow-seeker/runbooks.yaml');
    const check = runbooks.filter(r =>
      r.spec.steps.some((s: any) => s.run?.trim() === command),
    );
    expect(check.map(r => r.metadata.name)).toEqual([
      'rainbow-seeker-ssl-certificate-check',
    ]);
    expect(check[0].metadata.annotations['unyo.dev/imported-from']).toMatch(
      /#四半期メンテナンス$/,
    );
  });

  it('images: real-time replication, indefinite retention', () => {
    expect(text).toMatch(/\| S3画像 \| リアルタイム \| 無期限 \|/);
    const policy = entity(
      'examples/rainbow-seeker/backup-policies.yaml',
      'rainbow-seeker-image-replication',
    );
    // "real-time": the smallest whole minute, not a day
    expect(minutes(policy.spec.rpo)).toBe(1);
    // indefinite: no retention after which copies go
    for (const target of policy.spec.targets) {
      expect(target.retention).toBeUndefined();
      expect(target.retentionCount).toBeUndefined();
    }
    // neither can be written as the manual says: both marked assumed
    const assumed = policy.metadata.annotations['unyo.dev/assumptions']
      .split(',')
      .map((f: string) => f.trim());
    expect(assumed).toEqual(
      expect.arrayContaining(['spec.rpo', 'spec.targets[0].retention']),
    );
    const doc = fs.readFileSync(path.join(repo, 'docs/examples.md'), 'utf8');
    expect(doc).toMatch(
      /`rainbow-seeker-image-replication`:[^\n]*(\n {2}[^\n]*)*indefinite/,
    );
  });
});
