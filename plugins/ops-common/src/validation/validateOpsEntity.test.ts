import {
  fixtureFiles,
  fixtureOf,
  loadFixture,
} from '../__testUtils__/loadFixtures';
import { validateOpsEntity } from './validateOpsEntity';

function errorsOf(entity: any) {
  const result = validateOpsEntity(entity);
  if (result.valid) {
    throw new Error('expected the document to be invalid');
  }
  return result.errors;
}

function messagesOf(entity: any) {
  return errorsOf(entity).map(e => e.message);
}

describe('validateOpsEntity', () => {
  describe('accepts every valid example', () => {
    const documents = fixtureFiles.flatMap(file =>
      loadFixture(file).map(
        entity =>
          [`${file}: ${entity.kind} ${entity.metadata.name}`, entity] as const,
      ),
    );

    it('has all four kinds among the fixtures', () => {
      expect(new Set(documents.map(([, e]) => e.kind))).toEqual(
        new Set(['SLO', 'SLI', 'Runbook', 'BackupPolicy']),
      );
    });

    it.each(documents)('%s', (_name, entity) => {
      expect(validateOpsEntity(entity)).toEqual({ valid: true });
    });
  });

  describe('SLO', () => {
    const slo = () => fixtureOf('slo-rolling.yaml', 'SLO');

    it('requires spec.service', () => {
      const doc = slo();
      delete doc.spec.service;
      expect(errorsOf(doc)).toEqual([
        { path: 'spec.service', message: 'spec.service is required' },
      ]);
    });

    it('rejects an unknown budgetingMethod', () => {
      const doc = slo();
      doc.spec.budgetingMethod = 'Events';
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.budgetingMethod',
          message:
            'spec.budgetingMethod must be one of Occurrences, Timeslices, RatioTimeslices',
        },
      ]);
    });

    it('reports every problem at once', () => {
      const doc = slo();
      delete doc.spec.service;
      doc.spec.objectives[0].target = 1.5;
      expect(messagesOf(doc)).toEqual([
        'spec.service is required',
        'spec.objectives[0].target must be < 1',
      ]);
    });

    it('rejects a time window that is not an OpenSLO duration', () => {
      const doc = slo();
      doc.spec.timeWindow[0].duration = '30s';
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.timeWindow[0].duration',
          message:
            'spec.timeWindow[0].duration must be an OpenSLO duration: a positive integer followed by m, h, d, w, M, Q or Y, e.g. 30d or 1M (got "30s")',
        },
      ]);
    });

    it('allows one time window only', () => {
      const doc = slo();
      doc.spec.timeWindow.push({ duration: '7d', isRolling: true });
      expect(messagesOf(doc)).toEqual([
        'spec.timeWindow must have at most 1 item',
      ]);
    });

    it('rejects a calendar time zone that does not exist', () => {
      const doc = fixtureOf('slo-calendar.yaml', 'SLO');
      doc.spec.timeWindow[0].calendar.timeZone = 'Asia/Tokio';
      expect(messagesOf(doc)).toEqual([
        'spec.timeWindow[0].calendar.timeZone "Asia/Tokio" is not an IANA time zone',
      ]);
    });

    it('needs exactly one of target and targetPercent', () => {
      const both = slo();
      both.spec.objectives[0].targetPercent = 99.9;
      expect(messagesOf(both)).toEqual([
        'spec.objectives[0] must have only one of target, targetPercent',
      ]);

      const neither = slo();
      delete neither.spec.objectives[0].target;
      expect(messagesOf(neither)).toEqual([
        'spec.objectives[0] must have target or targetPercent',
      ]);
    });

    it('needs timeSliceTarget and timeSliceWindow for Timeslices', () => {
      const doc = fixtureOf('slo-timeslices.yaml', 'SLO');
      delete doc.spec.objectives[0].timeSliceTarget;
      delete doc.spec.objectives[0].timeSliceWindow;
      expect(messagesOf(doc)).toEqual([
        'spec.objectives[0].timeSliceTarget is required',
        'spec.objectives[0].timeSliceWindow is required',
      ]);
    });

    it('needs an indicator on the spec or on every objective', () => {
      const none = slo();
      delete none.spec.indicatorRef;
      expect(errorsOf(none)).toEqual([
        { path: 'spec', message: 'spec must have indicator or indicatorRef' },
      ]);

      const composite = slo();
      delete composite.spec.indicatorRef;
      composite.spec.objectives = [
        { target: 0.999, indicatorRef: 'a-sli', compositeWeight: 2 },
        { target: 0.99, indicatorRef: 'b-sli' },
      ];
      expect(validateOpsEntity(composite)).toEqual({ valid: true });
    });

    it('rejects an inline ratio metric with neither good nor bad', () => {
      const doc = fixtureOf('slo-calendar.yaml', 'SLO');
      delete doc.spec.indicator.spec.ratioMetric.bad;
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.indicator.spec.ratioMetric',
          message: 'spec.indicator.spec.ratioMetric must have good or bad',
        },
      ]);
    });

    it('rejects a service that is not an entity reference', () => {
      const doc = slo();
      doc.spec.service = 'component:';
      expect(messagesOf(doc)).toEqual([
        'spec.service "component:" is not a valid entity reference',
      ]);
    });
  });

  describe('SLI', () => {
    const sli = () => fixtureOf('slo-rolling.yaml', 'SLI');

    it('rejects a ratio metric with neither good nor bad', () => {
      const doc = sli();
      delete doc.spec.ratioMetric.good;
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.ratioMetric',
          message: 'spec.ratioMetric must have good or bad',
        },
      ]);
    });

    it('rejects a ratio metric with both good and bad, or without total', () => {
      const both = sli();
      both.spec.ratioMetric.bad = both.spec.ratioMetric.good;
      expect(messagesOf(both)).toEqual([
        'spec.ratioMetric must have only one of good, bad',
      ]);

      const noTotal = sli();
      delete noTotal.spec.ratioMetric.total;
      expect(messagesOf(noTotal)).toEqual([
        'spec.ratioMetric.total is required',
      ]);
    });

    it('accepts a raw ratio with rawType, alone', () => {
      const doc = sli();
      const source = doc.spec.ratioMetric.total;
      doc.spec.ratioMetric = {
        counter: false,
        rawType: 'success',
        raw: source,
      };
      expect(validateOpsEntity(doc)).toEqual({ valid: true });

      doc.spec.ratioMetric.good = source;
      expect(messagesOf(doc)).toEqual([
        'spec.ratioMetric.good is not allowed here',
      ]);
    });

    it('needs exactly one of ratioMetric and thresholdMetric', () => {
      const doc = sli();
      delete doc.spec.ratioMetric;
      expect(messagesOf(doc)).toEqual([
        'spec must have ratioMetric or thresholdMetric',
      ]);
    });

    it('requires a metric source spec', () => {
      const doc = sli();
      delete doc.spec.ratioMetric.total.metricSource.spec;
      expect(messagesOf(doc)).toEqual([
        'spec.ratioMetric.total.metricSource.spec is required',
      ]);
    });
  });

  describe('Runbook', () => {
    const runbook = () => fixtureOf('runbook.yaml', 'Runbook');

    it('requires an action id', () => {
      const doc = runbook();
      delete doc.spec.actions[1].id;
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.actions[1].id',
          message: 'spec.actions[1].id is required',
        },
      ]);
    });

    it('rejects a step that names no existing action', () => {
      const doc = runbook();
      doc.spec.actions[0].id = 'rolling-restart';
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.steps[1].action',
          message:
            'spec.steps[1].action "restart" names no action in spec.actions',
        },
      ]);
    });

    it('rejects duplicate action ids', () => {
      const doc = runbook();
      doc.spec.actions[3].id = 'silence';
      expect(messagesOf(doc)).toEqual([
        'spec.actions[3].id "silence" is already used by spec.actions[2]',
      ]);
    });

    it('requires target and request for http, query and expect for prometheus-query', () => {
      const doc = runbook();
      delete doc.spec.actions[0].request;
      delete doc.spec.actions[1].expect;
      expect(messagesOf(doc)).toEqual([
        'spec.actions[0].request is required',
        'spec.actions[1].expect is required',
      ]);
    });

    it('keeps http requests on the configured host', () => {
      const doc = runbook();
      doc.spec.actions[0].request.path = 'https://elsewhere.example.com/run';
      expect(errorsOf(doc).map(e => e.path)).toEqual([
        'spec.actions[0].request.path',
      ]);
    });

    it('rejects an unknown action type and a bad id', () => {
      const doc = runbook();
      doc.spec.actions[3].type = 'shell';
      doc.spec.actions[2].id = 'Silence';
      doc.spec.steps = [doc.spec.steps[0]];
      expect(messagesOf(doc)).toEqual([
        'spec.actions[2].id must be a lowercase id: letters, digits and dashes, starting with a letter or digit (got "Silence")',
        'spec.actions[3].type must be one of http, alertmanager-silence, prometheus-query, health-check',
      ]);
    });

    it('rejects parameters that are not a JSON schema', () => {
      const doc = runbook();
      doc.spec.actions[0].parameters = { type: 'text' };
      expect(messagesOf(doc)).toEqual([
        'spec.actions[0].parameters must be a JSON schema at type: must be equal to one of the allowed values',
      ]);
    });

    it('requires owner, appliesTo and at least one step', () => {
      const doc = runbook();
      delete doc.spec.owner;
      doc.spec.appliesTo = [];
      doc.spec.steps = [];
      expect(messagesOf(doc)).toEqual([
        'spec.owner is required',
        'spec.appliesTo must have at least 1 item',
        'spec.steps must have at least 1 item',
      ]);
    });

    it('accepts an http action that polls its run, and names what a poll lacks', () => {
      const doc = runbook();
      doc.spec.actions[0].poll = {
        path: '/api/45/execution/{id}',
        idFrom: '/id',
        statusFrom: '/status',
        succeededWhen: ['succeeded'],
        failedWhen: ['failed', 'aborted'],
        intervalSeconds: 5,
      };
      expect(validateOpsEntity(doc).valid).toBe(true);
      delete doc.spec.actions[0].poll.succeededWhen;
      doc.spec.actions[0].poll.idFrom = 'id';
      expect(messagesOf(doc)).toEqual([
        'spec.actions[0].poll.succeededWhen is required',
        'spec.actions[0].poll.idFrom must be a JSON pointer to the run id in the action\'s answer, e.g. /id (got "id")',
      ]);
    });
  });

  describe('BackupPolicy', () => {
    const policy = () => fixtureOf('backup-policy.yaml', 'BackupPolicy');

    it('rejects an RPO that is not a duration', () => {
      const doc = policy();
      doc.spec.rpo = '1 hour';
      expect(errorsOf(doc)).toEqual([
        {
          path: 'spec.rpo',
          message:
            'spec.rpo must be a duration: a whole number followed by s, m, h, d or w, e.g. 5m, 6h, 1d (got "1 hour")',
        },
      ]);
    });

    it('checks every duration: rto, retention, schedule, restore test', () => {
      const doc = policy();
      doc.spec.rto = '4 hours';
      doc.spec.targets[0].retention = '1M';
      doc.spec.targets[0].schedule.every = 'daily';
      doc.spec.restoreTest.every = 30;
      expect(errorsOf(doc).map(e => e.path)).toEqual([
        'spec.rto',
        'spec.targets[0].schedule.every',
        'spec.targets[0].retention',
        'spec.restoreTest.every',
      ]);
    });

    it('rejects duplicate target names', () => {
      const doc = policy();
      doc.spec.targets[2].name = 'daily-dump';
      expect(messagesOf(doc)).toEqual([
        'spec.targets[2].name "daily-dump" is already used by spec.targets[0]',
      ]);
    });

    it('rejects an unknown source type and a missing bucket', () => {
      const doc = policy();
      doc.spec.targets[1].source.type = 'ftp';
      delete doc.spec.targets[0].source.bucket;
      expect(messagesOf(doc)).toEqual([
        'spec.targets[0].source.bucket is required',
        'spec.targets[1].source.type must be one of postgres-wal, pgbackrest, s3, aws-backup, rds, azure-cosmosdb, prometheus, push',
      ]);
    });

    it('takes either every or cron as a schedule', () => {
      const doc = policy();
      doc.spec.targets[0].schedule.cron = '0 3 * * *';
      expect(messagesOf(doc)).toEqual([
        'spec.targets[0].schedule must have only one of every, cron',
      ]);
    });

    it('rejects an object pattern that is not a regular expression', () => {
      const doc = policy();
      doc.spec.targets[0].source.pattern = '(unclosed';
      expect(errorsOf(doc).map(e => e.path)).toEqual([
        'spec.targets[0].source.pattern',
      ]);
    });

    it('rejects a schedule time zone that does not exist', () => {
      const doc = policy();
      doc.spec.targets[2].schedule.timezone = 'Mars/Olympus';
      expect(messagesOf(doc)).toEqual([
        'spec.targets[2].schedule.timezone "Mars/Olympus" is not an IANA time zone',
      ]);
    });

    it('rejects an owner that is not an entity reference', () => {
      const doc = policy();
      doc.spec.owner = 'group:';
      expect(errorsOf(doc).map(e => e.path)).toEqual(['spec.owner']);
    });
  });

  it('checks apiVersion and kind', () => {
    const doc = fixtureOf('runbook.yaml', 'Runbook');
    doc.kind = 'runbook';
    expect(messagesOf(doc)).toEqual(['kind must be Runbook']);

    expect(
      messagesOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).toEqual([
      'kind Component of apiVersion backstage.io/v1alpha1 is not one of SLO, SLI, AlertPolicy, AlertCondition, AlertNotificationTarget, DataSource, Service (openslo/v1), Runbook, BackupPolicy, CompositeSLO (unyo.dev/v1alpha1)',
    ]);
  });
});
