import {
  alertLevel,
  findRunbookRef,
  matchesSelector,
  parseAlertSelector,
  runbookRefFromUrl,
  silenceOutsideSelector,
  summarizeAlertHistory,
  toAlertMatcher,
  toRunbookCandidate,
} from '.';
import { inheritedAnnotation } from '../kinds';
import type { AlertLevelSet } from './levels';

describe('parseAlertSelector', () => {
  it('reads every operator, quotes and escapes, with or without braces', () => {
    expect(
      parseAlertSelector(
        `{service="a\\"b", env!='prod', job=~"api|web" , code!~\`5..\`}`,
      ),
    ).toEqual([
      { name: 'service', op: '=', value: 'a"b' },
      { name: 'env', op: '!=', value: 'prod' },
      { name: 'job', op: '=~', value: 'api|web' },
      { name: 'code', op: '!~', value: '5..' },
    ]);
    expect(parseAlertSelector('service="x\\u00e9\\n",b="1"')).toEqual([
      { name: 'service', op: '=', value: 'xé\n' },
      { name: 'b', op: '=', value: '1' },
    ]);
  });

  it.each([
    ['', /no matchers/],
    ['service', /expected =, !=, =~ or !~/],
    ['service=api', /expected a quoted value/],
    ['service="api', /unterminated string/],
    ['service="a" x="b"', /expected ","/],
    ['{service="a"', /expected "," or "}"/],
    ['{service="a"} extra', /unexpected text/],
    ['service=~"(unclosed"', /invalid regex/],
    ['service="a\\q"', /invalid escape/],
    ['1abc="x"', /expected a label name/],
    ['service!="x"', /matches the empty value/],
    ['service=~".*"', /matches the empty value/],
  ])('rejects %j naming what is wrong', (text, message) => {
    expect(() => parseAlertSelector(text)).toThrow(message);
  });
});

describe('matchesSelector', () => {
  it('anchors regexes and treats missing labels as empty, like Prometheus', () => {
    const m = parseAlertSelector('service=~"api", env!="dev"');
    expect(matchesSelector(m, { service: 'api' })).toBe(true);
    expect(matchesSelector(m, { service: 'api-gateway' })).toBe(false);
    expect(matchesSelector(m, { service: 'my-api' })).toBe(false);
    expect(matchesSelector(m, { service: 'api', env: 'dev' })).toBe(false);
    const ci = parseAlertSelector('service=~"(?i)API"');
    expect(matchesSelector(ci, { service: 'api' })).toBe(true);
    const absent = parseAlertSelector('service="a",team=""');
    expect(matchesSelector(absent, { service: 'a' })).toBe(true);
    expect(matchesSelector(absent, { service: 'a', team: 'x' })).toBe(false);
  });
});

describe('silenceOutsideSelector', () => {
  const selector = parseAlertSelector('service="mairust-smtp",env!="dev"');
  const own = selector.map(toAlertMatcher);

  it('accepts the selector itself and narrower silences', () => {
    expect(silenceOutsideSelector(selector, own)).toBeUndefined();
    expect(
      silenceOutsideSelector(selector, [
        ...own,
        { name: 'alertname', value: 'QueueBacklog', isRegex: false },
      ]),
    ).toBeUndefined();
  });

  it('refuses silences that drop or change a matcher of the selector', () => {
    expect(
      silenceOutsideSelector(selector, [
        { name: 'service', value: 'mairust-.*', isRegex: true },
        own[1],
      ]),
    ).toMatch(/missing: service="mairust-smtp"/);
    expect(
      silenceOutsideSelector(selector, [
        own[0],
        { name: 'env', value: 'dev', isRegex: false, isEqual: true },
      ]),
    ).toMatch(/missing: env!="dev"/);
  });
});

describe('alertLevel', () => {
  it('gives the neutral default levels by severity, with no response time', () => {
    expect(alertLevel({ severity: 'critical' })).toEqual({
      id: 'critical',
      name: 'Critical',
      respondWithinMinutes: null,
    });
    expect(alertLevel({ severity: 'warning' })?.id).toBe('warning');
    expect(alertLevel({ severity: 'P1' })).toBeUndefined();
    expect(alertLevel({})).toBeUndefined();
  });

  it('takes the first rule of a configured set whose labels all match', () => {
    const set: AlertLevelSet = [
      {
        id: 'P1',
        name: 'P1',
        respondWithinMinutes: 15,
        escalation: 'at once',
        match: { priority: 'P1' },
      },
      {
        id: 'db-critical',
        name: 'DB critical',
        respondWithinMinutes: 5,
        match: { severity: 'critical', team: 'db' },
      },
      {
        id: 'critical',
        name: 'Critical',
        respondWithinMinutes: 0,
        match: { severity: 'critical' },
      },
    ];
    expect(alertLevel({ severity: 'critical', priority: 'P1' }, set)).toEqual({
      id: 'P1',
      name: 'P1',
      respondWithinMinutes: 15,
      escalation: 'at once',
    });
    expect(alertLevel({ severity: 'critical', team: 'db' }, set)?.id).toBe(
      'db-critical',
    );
    expect(alertLevel({ severity: 'critical', team: 'web' }, set)).toEqual({
      id: 'critical',
      name: 'Critical',
      respondWithinMinutes: 0,
    });
    expect(alertLevel({ severity: 'warning' }, set)).toBeUndefined();
  });
});

describe('inheritedAnnotation', () => {
  const entity = (annotations?: Record<string, string>) => ({
    metadata: { name: 'x', annotations },
  });
  it('reads the most specific entity first, skipping blanks', () => {
    const key = 'unyo.dev/alert-level-set';
    expect(
      inheritedAnnotation(key, [
        entity({ [key]: ' ' }),
        entity({ [key]: 'b' }),
      ]),
    ).toBe('b');
    expect(
      inheritedAnnotation(key, [
        entity({ [key]: 'a' }),
        entity({ [key]: 'b' }),
      ]),
    ).toBe('a');
    expect(inheritedAnnotation(key, [undefined, entity()])).toBeUndefined();
  });
});

describe('runbooks', () => {
  const runbook = toRunbookCandidate({
    apiVersion: 'unyo.dev/v1alpha1',
    kind: 'Runbook',
    metadata: { name: 'queue', namespace: 'default' },
    spec: { appliesTo: ['mairust-smtp'], alerts: ['QueueBacklog'] },
  });

  it('links the runbook that lists the alert and applies to the entity', () => {
    expect(runbook.appliesTo).toEqual(['component:default/mairust-smtp']);
    const base = {
      runbooks: [runbook],
      knownRunbooks: new Set(['runbook:default/other']),
    };
    expect(
      findRunbookRef({
        ...base,
        alertname: 'QueueBacklog',
        entityRef: 'component:default/mairust-smtp',
      }),
    ).toBe('runbook:default/queue');
    expect(
      findRunbookRef({
        ...base,
        alertname: 'QueueBacklog',
        entityRef: 'component:default/mairust-api',
      }),
    ).toBeUndefined();
    expect(
      findRunbookRef({
        ...base,
        alertname: 'X',
        entityRef: 'component:default/mairust-api',
        runbookUrl: 'https://portal.example.com/catalog/default/runbook/other',
      }),
    ).toBe('runbook:default/other');
    expect(
      findRunbookRef({
        ...base,
        alertname: 'X',
        entityRef: 'component:default/mairust-api',
        runbookUrl: '/catalog/default/runbook/unknown',
      }),
    ).toBeUndefined();
    expect(runbookRefFromUrl('https://wiki.example.com/x')).toBeUndefined();
  });
});

describe('summarizeAlertHistory', () => {
  it('counts the window and compares MTTR with the target it is given, or with none', () => {
    const now = new Date('2026-03-31T00:00:00Z');
    const summary = summarizeAlertHistory(
      [
        {
          alertname: 'A',
          fingerprint: '1',
          labels: {},
          startsAt: '2026-03-30T10:00:00Z',
          resolvedAt: '2026-03-30T10:20:00Z',
        },
        {
          alertname: 'A',
          fingerprint: '1',
          labels: {},
          startsAt: '2026-03-29T10:00:00Z',
          resolvedAt: '2026-03-29T10:50:00Z',
        },
        {
          alertname: 'B',
          fingerprint: '2',
          labels: {},
          startsAt: '2026-03-30T12:00:00Z',
        },
        {
          alertname: 'B',
          fingerprint: '2',
          labels: {},
          startsAt: '2026-01-01T00:00:00Z',
          resolvedAt: '2026-01-01T05:00:00Z',
        },
      ],
      { now, targetMinutes: 30 },
    );
    expect(summary).toMatchObject({
      fired: 3,
      resolved: 2,
      open: 1,
      mttrMinutes: 35,
      mttrTargetMinutes: 30,
      meetsTarget: false,
      byAlertname: [
        { alertname: 'A', fired: 2, mttrMinutes: 35 },
        { alertname: 'B', fired: 1, mttrMinutes: null },
      ],
    });
    // No target configured: nothing to meet, whatever the MTTR.
    const untargeted = summarizeAlertHistory([], { now });
    expect(untargeted).toMatchObject({
      mttrMinutes: null,
      mttrTargetMinutes: null,
      meetsTarget: null,
    });
    expect(
      summarizeAlertHistory(
        [
          {
            alertname: 'A',
            fingerprint: '1',
            labels: {},
            startsAt: '2026-03-30T10:00:00Z',
            resolvedAt: '2026-03-30T10:20:00Z',
          },
        ],
        { now },
      ),
    ).toMatchObject({
      mttrMinutes: 20,
      mttrTargetMinutes: null,
      meetsTarget: null,
    });
  });
});
