import { alertLevel, type AlertLevelSet } from '@unyo/plugin-ops-common';
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

// Each fact the example catalog once got wrong (issue "The manuals as they
// are written"), checked against the number the manual itself states
// (examples/manuals).

const demoConfig = parse(
  fs.readFileSync(path.join(repo, 'app-config.demo.yaml'), 'utf8'),
);

/** The level set a System's annotation names in the example app-config. */
function levelSetOf(systemFile: string, system: string): AlertLevelSet {
  const name = entity(systemFile, system).metadata.annotations[
    'unyo.dev/alert-level-set'
  ];
  return demoConfig.ops.alerts.levelSets[name];
}

describe('the example catalog states what the manuals state', () => {
  it('Scalar Auditor: critical rules are answered at once, warning rules within the hour (3.2)', () => {
    const text = manual('001_');
    expect(text).toMatch(/#### Critical アラート \(即時対応\)/);
    const warningHours = Number(
      /#### Warning アラート \((\d+)時間以内対応\)/.exec(text)![1],
    );
    const set = levelSetOf(
      'examples/scalar-auditor/system.yaml',
      'scalar-auditor',
    );
    const all = exampleRules('scalar-auditor.rules.yml');
    const expected: Record<string, number> = {
      DatabaseConnectionExhausted: 0,
      TransactionErrorRateHigh: 0,
      HighLatency: warningHours * 60,
      PodRestartLoop: warningHours * 60,
      DiskSpaceRunningLow: warningHours * 60,
    };
    for (const [alert, minutes] of Object.entries(expected)) {
      const ofAlert = all.filter(r => r.alert === alert);
      expect(ofAlert.length).toBeGreaterThan(0);
      for (const rule of ofAlert) {
        // The manual's rules carry only `severity`.
        expect(rule.labels.priority).toBeUndefined();
        expect(
          alertLevel({ ...rule.labels, alertname: alert }, set)
            ?.respondWithinMinutes,
        ).toBe(minutes);
      }
    }
  });

  it('Scalar Auditor: P1-P4 response times and escalation are the manual table (4.1)', () => {
    const text = manual('001_');
    const set = levelSetOf(
      'examples/scalar-auditor/system.yaml',
      'scalar-auditor',
    );
    const toMinutes = (s: string) => {
      if (s.endsWith('分以内')) return Number(s.slice(0, -3));
      if (s.endsWith('時間以内')) return Number(s.slice(0, -4)) * 60;
      return null;
    };
    const rows = [
      ...text.matchAll(
        /\| \*\*(P[1-4]) \([A-Za-z]+\)\*\* \| [^|]+ \| ([^|]+) \| ([^|]+) \|/g,
      ),
    ];
    expect(rows.map(m => m[1])).toEqual(['P1', 'P2', 'P3', 'P4']);
    for (const m of rows) {
      const level = alertLevel({ priority: m[1] }, set)!;
      expect(level.id).toBe(m[1]);
      expect(level.respondWithinMinutes).toBe(toMinutes(m[2].trim()));
      // the escalation column as the manual writes it (then a translation)
      expect(level.escalation?.split(' (')[0]).toBe(m[3].trim());
    }
  });

  it('Rainbow Seeker: Critical/High/Medium/Low response times (アラート対応)', () => {
    const text = manual('003_');
    const set = levelSetOf(
      'examples/rainbow-seeker/system.yaml',
      'rainbow-seeker',
    );
    const unit: Record<string, number> = { 分: 1, 時間: 60, 週間: 7 * 24 * 60 };
    const rows = [
      ...text.matchAll(
        /\| (Critical|High|Medium|Low) \| [^|]+ \| (\d+)(分|時間|週間)以内 \|/g,
      ),
    ];
    expect(rows).toHaveLength(4);
    for (const [, level, n, u] of rows) {
      expect(
        alertLevel({ priority: level.toLowerCase() }, set)
          ?.respondWithinMinutes,
      ).toBe(Number(n) * unit[u]);
    }
  });

  it('Scalar Auditor error-budget policy bands (10.2)', () => {
    const text = manual('001_');
    const [, low, high] = /Error Budget残量 (\d+)-(\d+)%: 新機能凍結/.exec(
      text,
    )!;
    expect(demoConfig.ops.slo.policies['scalar-auditor']).toEqual({
      featureFreezeBelow: Number(high) / 100,
      incidentOnlyBelow: Number(low) / 100,
    });
    expect(
      entity('examples/scalar-auditor/system.yaml', 'scalar-auditor').metadata
        .annotations['unyo.dev/error-budget-policy'],
    ).toBe('scalar-auditor');
  });

  it('maintenance windows: Scalar Auditor 3rd Sunday 02:00-06:00 JST; MaiRust names none', () => {
    const [, nth, from, to] = /毎月第(\d)日曜日 (\d\d):00-(\d\d):00 JST/.exec(
      manual('001_'),
    )!;
    expect(
      entity('examples/scalar-auditor/system.yaml', 'scalar-auditor').metadata
        .annotations['unyo.dev/maintenance-window'],
    ).toBe(
      `FREQ=MONTHLY;BYDAY=${nth}SU;BYHOUR=${Number(from)};DURATION=PT${
        Number(to) - Number(from)
      }H;TZID=Asia/Tokyo`,
    );
    expect(manual('004_')).toMatch(/計画メンテナンス: バジェットから除外可能/);
    expect(manual('004_')).not.toMatch(/毎月第\d/);
    expect(
      entity('examples/mairust/system.yaml', 'mairust').metadata.annotations?.[
        'unyo.dev/maintenance-window'
      ],
    ).toBeUndefined();
  });

  it('Azure PoC: the error-rate alert counts resultCode >= 400', () => {
    expect(manual('002_')).toMatch(/where resultCode >= '400' > 5/);
    const errorRate = exampleRules('azure-saas.rules.yml').filter(
      r => r.alert === 'AzureSaasHighErrorRate',
    );
    expect(errorRate.length).toBeGreaterThan(0);
    for (const rule of errorRate) expect(rule.expr).toContain('code=~"[45].."');
  });

  it('Rainbow Seeker: the proxy checks the certificate the manual checks each quarter', () => {
    const [, host, port] = manual('003_').match(
      /openssl s_client -connect ([\w.-]+):(\d+) -servername \1/,
    )!;
    expect(
      entity('examples/rainbow-seeker/components.yaml', 'rainbow-seeker-proxy')
        .metadata.annotations['unyo.dev/health-url'],
    ).toBe(`tls://${host}:${port}`);
  });

  it('Elixir CQRS: gRPC health asks the whole server (no service name)', () => {
    expect(manual('000_')).toMatch(
      /grpcurl -plaintext localhost:50051 grpc\.health\.v1\.Health\/Check\n/,
    );
    for (const name of [
      'elixir-cqrs-command-service',
      'elixir-cqrs-query-service',
    ]) {
      const url = new URL(
        entity(
          'examples/elixir-cqrs/components.yaml',
          name,
        ).metadata.annotations['unyo.dev/health-url'],
      );
      expect(url.protocol).toBe('grpc:');
      expect(url.pathname.replace(/^\/+/, '')).toBe('');
    }
  });

  it('docs/demo-backups.md gives the RPOs the manuals and the catalog state', () => {
    const doc = fs.readFileSync(
      path.join(repo, 'docs/demo-backups.md'),
      'utf8',
    );
    expect(manual('004_')).toMatch(
      /RPO \(Recovery Point Objective\) \| < 1時間（DB）/,
    );
    expect(manual('001_')).toMatch(
      /\*\*RPO\*\* \(Recovery Point Objective\) \| 5分/,
    );
    expect(doc).toMatch(/mairust `wal` \(RPO 1 h\)/);
    expect(doc).toMatch(/scalar-auditor\s+`wal-archive` \(RPO 5 min\)/);
    expect(
      entity('examples/mairust/backup-policies.yaml', 'mairust-db-backups').spec
        .rpo,
    ).toBe('1h');
    expect(
      entity(
        'examples/scalar-auditor/backup-policies.yaml',
        'scalar-auditor-postgres-backups',
      ).spec.rpo,
    ).toBe('5m');
  });
  it("Scalar Auditor's levels and budget bands show on no other system's pages", () => {
    // Only two manuals state alert levels (001 P1-P4, 003 Critical-Low) and
    // only 001 states error-budget bands; the other systems get none.
    expect(demoConfig.ops.alerts.defaultLevelSet).toBeUndefined();
    expect(demoConfig.ops.slo.policy).toEqual({
      featureFreezeBelow: 0,
      incidentOnlyBelow: 0,
    });
    const ownScheme: Record<string, string | undefined> = {
      'azure-saas': undefined,
      'elixir-cqrs': undefined,
      mairust: undefined,
      'rainbow-seeker': 'rainbow-seeker',
    };
    for (const [system, levelSet] of Object.entries(ownScheme)) {
      const annotations = yamlDocs(`examples/${system}/system.yaml`).flatMap(
        d => Object.entries(d.metadata?.annotations ?? {}),
      );
      const named = (key: string) =>
        annotations.filter(([k]) => k === key).map(([, v]) => v);
      expect(named('unyo.dev/alert-level-set')).toEqual(
        levelSet ? [levelSet] : [],
      );
      expect(named('unyo.dev/error-budget-policy')).toEqual([]);
      // nor does any entity of the system name Scalar Auditor's scheme
      for (const file of fs.readdirSync(path.join(repo, 'examples', system))) {
        if (!/\.ya?ml$/.test(file)) continue;
        for (const doc of yamlDocs(`examples/${system}/${file}`)) {
          const a = doc.metadata?.annotations ?? {};
          expect([
            a['unyo.dev/alert-level-set'],
            a['unyo.dev/error-budget-policy'],
          ]).not.toContain('scalar-auditor');
        }
      }
    }
  });
});
