import { ConfigReader } from '@backstage/config';
import { readOpsConfig } from './OpsConfig';

describe('readOpsConfig', () => {
  it('starts with nothing configured and the documented defaults', () => {
    const config = readOpsConfig(new ConfigReader({}));
    expect(config.prometheus).toEqual([]);
    expect(config.alertmanager).toEqual([]);
    expect(config.slo.evaluationInterval).toEqual({ minutes: 1 });
    expect(config.slo.expressionResolutionSeconds).toBe(60);
    expect(config.slo.policy).toEqual({
      featureFreezeBelow: 0.5,
      incidentOnlyBelow: 0.2,
    });
    expect(config.health).toEqual({
      interval: { seconds: 30 },
      allowedHosts: [],
      tls: { warningDays: 30, criticalDays: 7 },
    });
  });

  it('reads the step integrating rates of SLI expressions, and names the key when it is too short', () => {
    const read = (value: { seconds?: number; milliseconds?: number }) =>
      readOpsConfig(
        new ConfigReader({ ops: { slo: { expressionResolution: value } } }),
      );
    expect(read({ seconds: 30 }).slo.expressionResolutionSeconds).toBe(30);
    expect(() => read({ milliseconds: 10 })).toThrow(
      'ops.slo.expressionResolution must be at least one second',
    );
  });

  it('keeps 100 groups per grouped SLO unless ops.slo.maxGroups says otherwise, and names the key when it is not a whole number', () => {
    const read = (maxGroups?: unknown) =>
      readOpsConfig(
        new ConfigReader(
          maxGroups === undefined ? {} : { ops: { slo: { maxGroups } } },
        ),
      );
    expect(read().slo.maxGroups).toBe(100);
    expect(read(20).slo.maxGroups).toBe(20);
    for (const bad of [0, 2.5, -1]) {
      expect(() => read(bad)).toThrow(
        'ops.slo.maxGroups must be a whole number of at least 1',
      );
    }
  });

  it('reads the SLO preview rate limit, on by default, and names a bad key', () => {
    const read = (rateLimit?: object) =>
      readOpsConfig(
        new ConfigReader({ ops: { slo: { preview: { rateLimit } } } }),
      ).slo.previewRateLimit;
    expect(read()).toEqual({
      maxPreviews: 10,
      window: { minutes: 1 },
      windowMs: 60_000,
    });
    expect(read({ maxPreviews: 3, window: { seconds: 30 } })).toEqual({
      maxPreviews: 3,
      window: { seconds: 30 },
      windowMs: 30_000,
    });
    expect(read({ enabled: false })).toBeUndefined();
    expect(() => read({ maxPreviews: 0 })).toThrow(
      'ops.slo.preview.rateLimit.maxPreviews must be a whole number of 1 or more',
    );
    expect(() => read({ window: { milliseconds: 10 } })).toThrow(
      'ops.slo.preview.rateLimit.window must be at least 1 second',
    );
  });

  it('reads named servers with tenant headers, keeping the first as default', () => {
    const config = readOpsConfig(
      new ConfigReader({
        ops: {
          prometheus: {
            servers: [
              { name: 'default', url: 'http://localhost:9090/' },
              {
                name: 'mimir',
                url: 'https://mimir.example.com/prometheus',
                headers: { 'X-Scope-OrgID': 'team-a' },
                timeout: { seconds: 3 },
              },
            ],
          },
        },
      }),
    );
    expect(config.prometheus).toEqual([
      {
        name: 'default',
        url: 'http://localhost:9090',
        headers: {},
        timeout: { seconds: 10 },
      },
      {
        name: 'mimir',
        url: 'https://mimir.example.com/prometheus',
        headers: { 'X-Scope-OrgID': 'team-a' },
        timeout: { seconds: 3 },
      },
    ]);
  });

  it('names the key of a bad server URL', () => {
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: { alertmanager: { servers: [{ name: 'a', url: 'not a url' }] } },
        }),
      ),
    ).toThrow('ops.alertmanager.servers[0].url is not a valid URL');
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: { prometheus: { servers: [{ name: 'a', url: 'ftp://x' }] } },
        }),
      ),
    ).toThrow('ops.prometheus.servers[0].url must be an http(s) URL');
  });

  it('refuses duplicate server names', () => {
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: {
            prometheus: {
              servers: [
                { name: 'a', url: 'http://a' },
                { name: 'a', url: 'http://b' },
              ],
            },
          },
        }),
      ),
    ).toThrow('ops.prometheus.servers[1].name "a" is used twice');
  });

  it('validates the error-budget policy thresholds', () => {
    const read = (policy: object) =>
      readOpsConfig(new ConfigReader({ ops: { slo: { policy } } }));
    expect(read({ featureFreezeBelow: 0.6 }).slo.policy).toEqual({
      featureFreezeBelow: 0.6,
      incidentOnlyBelow: 0.2,
    });
    expect(() => read({ featureFreezeBelow: 1.5 })).toThrow(
      'ops.slo.policy.featureFreezeBelow must be between 0 and 1',
    );
    expect(() =>
      read({ featureFreezeBelow: 0.1, incidentOnlyBelow: 0.3 }),
    ).toThrow('incidentOnlyBelow must not exceed');
  });

  it('allow-lists a runbook target by its own host unless told otherwise', () => {
    const config = readOpsConfig(
      new ConfigReader({
        ops: {
          runbooks: {
            targets: {
              automation: {
                baseUrl: 'http://127.0.0.1:4440',
                headers: { 'X-Rundeck-Auth-Token': 'secret' },
              },
              awx: {
                baseUrl: 'https://awx.example.com',
                allowedHosts: ['awx.example.com', 'awx-2.example.com'],
              },
            },
          },
        },
      }),
    );
    expect(config.runbookTargets).toEqual([
      {
        name: 'automation',
        baseUrl: 'http://127.0.0.1:4440',
        headers: { 'X-Rundeck-Auth-Token': 'secret' },
        allowedHosts: ['127.0.0.1:4440'],
      },
      {
        name: 'awx',
        baseUrl: 'https://awx.example.com',
        headers: {},
        allowedHosts: ['awx.example.com', 'awx-2.example.com'],
      },
    ]);
  });

  it('has no MTTR target unless ops.alerts.mttrTargetMinutes sets one, and names a bad one', () => {
    const read = (mttrTargetMinutes?: unknown) =>
      readOpsConfig(
        new ConfigReader(
          mttrTargetMinutes === undefined
            ? {}
            : { ops: { alerts: { mttrTargetMinutes } } },
        ),
      ).alerts.mttrTargetMinutes;
    expect(read()).toBeUndefined();
    expect(read(30)).toBe(30);
    for (const bad of [0, -5, 'soon']) {
      expect(() => read(bad)).toThrow(
        'ops.alerts.mttrTargetMinutes must be a number of minutes above 0',
      );
    }
  });

  it('reads alert level sets in order and names a bad entry by its key', () => {
    const config = readOpsConfig(
      new ConfigReader({
        ops: {
          alerts: {
            levelSets: {
              oncall: [
                {
                  id: 'P1',
                  name: 'P1',
                  respondWithinMinutes: 15,
                  escalation: 'at once',
                  match: { priority: 'P1' },
                },
                { id: 'low', name: 'Low', match: { severity: 'info' } },
              ],
            },
            defaultLevelSet: 'oncall',
          },
        },
      }),
    );
    expect(config.alerts.defaultLevelSet).toBe('oncall');
    expect(config.alerts.levelSets.oncall).toEqual([
      {
        id: 'P1',
        name: 'P1',
        respondWithinMinutes: 15,
        escalation: 'at once',
        match: { priority: 'P1' },
      },
      {
        id: 'low',
        name: 'Low',
        respondWithinMinutes: null,
        match: { severity: 'info' },
      },
    ]);
    // The built-in neutral set stays available by name.
    expect(config.alerts.levelSets.default.map(l => l.id)).toEqual([
      'critical',
      'warning',
      'info',
    ]);
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: {
            alerts: {
              levelSets: {
                x: [
                  {
                    id: 'a',
                    name: 'A',
                    respondWithinMinutes: -1,
                    match: { severity: 'a' },
                  },
                ],
              },
            },
          },
        }),
      ),
    ).toThrow('ops.alerts.levelSets.x[0].respondWithinMinutes');
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: { alerts: { levelSets: { x: [{ id: 'a', name: 'A' }] } } },
        }),
      ),
    ).toThrow('ops.alerts.levelSets.x[0].match');
    expect(() =>
      readOpsConfig(
        new ConfigReader({ ops: { alerts: { defaultLevelSet: 'nope' } } }),
      ),
    ).toThrow('ops.alerts.defaultLevelSet "nope"');
  });

  it('reads named error-budget policies, each with both thresholds', () => {
    const config = readOpsConfig(
      new ConfigReader({
        ops: {
          slo: {
            policy: { featureFreezeBelow: 0, incidentOnlyBelow: 0 },
            policies: {
              strict: { featureFreezeBelow: 0.7, incidentOnlyBelow: 0.3 },
            },
          },
        },
      }),
    );
    expect(config.slo.policy).toEqual({
      featureFreezeBelow: 0,
      incidentOnlyBelow: 0,
    });
    expect(config.slo.policies).toEqual({
      strict: { featureFreezeBelow: 0.7, incidentOnlyBelow: 0.3 },
    });
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: { slo: { policies: { s: { featureFreezeBelow: 0.7 } } } },
        }),
      ),
    ).toThrow('ops.slo.policies.s.incidentOnlyBelow is required');
    expect(() =>
      readOpsConfig(
        new ConfigReader({
          ops: {
            slo: {
              policies: {
                s: { featureFreezeBelow: 0.2, incidentOnlyBelow: 0.5 },
              },
            },
          },
        }),
      ),
    ).toThrow('ops.slo.policies.s.incidentOnlyBelow must not exceed');
  });

  it('reads certificate thresholds of ops.health.tls and names a bad one', () => {
    const read = (tls: object) =>
      readOpsConfig(new ConfigReader({ ops: { health: { tls } } })).health.tls;
    expect(read({ warningDays: 45, criticalDays: 14 })).toEqual({
      warningDays: 45,
      criticalDays: 14,
    });
    expect(read({ criticalDays: 3 })).toEqual({
      warningDays: 30,
      criticalDays: 3,
    });
    expect(() => read({ warningDays: 5 })).toThrow(
      'ops.health.tls.criticalDays (7) must not be more than ops.health.tls.warningDays (5)',
    );
    expect(() => read({ criticalDays: -1 })).toThrow(
      'ops.health.tls.criticalDays must be a whole number of days, 0 or more',
    );
  });
});
