import { parse } from 'yaml';
import {
  loadThroughCatalog,
  openSloSchemaOracle,
  readSpecFile,
  specFiles,
} from '../__testUtils__/openSloSchemaTests';

// The files upstream's schema_test.go lists as invalid; two more files are in
// none of its lists, and the schema refuses both (they give good and bad).
const upstreamInvalid = [
  'invalid-apiversion.yaml',
  'alert-condition/alert-condition-no-condition.yaml',
  'alert-condition/alert-condition-no-sev.yaml',
  'alert-notification-target/alert-notification-target-no-target.yaml',
  'alert-policy/alert-policy-malformed-cond.yaml',
  'alert-policy/alert-policy-malformed-targetref.yaml',
  'alert-policy/alert-policy-many-cond.yaml',
  'alert-policy/alert-policy-no-cond.yaml',
  'alert-policy/alert-policy-no-notification.yaml',
  'service/service-long-description.yaml',
];
const unlisted = [
  'sli/sli-description-ratio-inline-metricsource.yaml',
  'sli/sli-ratio-good-and-bad.yaml',
];

// What the refusal of each invalid file must say: the field, and why.
const refusals: Record<string, string> = {
  'invalid-apiversion.yaml':
    'apiVersion "openslo/v1alpha" is not read: OpenSLO documents must be openslo/v1',
  'alert-condition/alert-condition-no-condition.yaml':
    'spec.condition is required',
  'alert-condition/alert-condition-no-sev.yaml': 'spec.severity is required',
  'alert-notification-target/alert-notification-target-no-target.yaml':
    'spec.target is required',
  'alert-policy/alert-policy-malformed-cond.yaml':
    'spec.conditions[0] must have conditionRef or kind and metadata and spec',
  'alert-policy/alert-policy-malformed-targetref.yaml':
    'spec.notificationTargets[0] must have targetRef or kind and metadata and spec',
  'alert-policy/alert-policy-many-cond.yaml':
    'spec.conditions must have at most 1 item',
  'alert-policy/alert-policy-no-cond.yaml': 'spec.conditions is required',
  'alert-policy/alert-policy-no-notification.yaml':
    'spec.notificationTargets is required',
  'service/service-long-description.yaml':
    'spec.description must have at most 1050 characters',
  'sli/sli-description-ratio-inline-metricsource.yaml':
    'spec.ratioMetric must have only one of good, bad',
  'sli/sli-ratio-good-and-bad.yaml':
    'spec.ratioMetric must have only one of good, bad',
};

const oracle = openSloSchemaOracle();
const files = specFiles();
const openSloAccepts = (file: string) => oracle(parse(readSpecFile(file)));

describe('the OpenSLO repository schema-test suite (v1)', () => {
  it('is classified by the OpenSLO schema as upstream lists it', () => {
    expect(files).toHaveLength(42);
    expect(files.filter(f => !openSloAccepts(f)).sort()).toEqual(
      [...upstreamInvalid, ...unlisted].sort(),
    );
  });

  it('loads every valid file and refuses every invalid one naming the field', async () => {
    const valid = files.filter(openSloAccepts);
    const invalid = files.filter(f => !openSloAccepts(f));
    const failures: string[] = [];
    let loaded = 0;
    let refused = 0;
    for (const file of valid) {
      const { entity, errors } = await loadThroughCatalog(readSpecFile(file));
      if (entity && errors.length === 0) loaded += 1;
      else failures.push(`${file} was refused: ${errors.join('; ')}`);
    }
    for (const file of invalid) {
      const { errors } = await loadThroughCatalog(readSpecFile(file));
      if (errors.some(e => e.includes(refusals[file]))) refused += 1;
      else failures.push(`${file}: ${errors.join('; ') || 'loaded'}`);
    }
    // eslint-disable-next-line no-console
    console.log(
      `OpenSLO schema tests: ${loaded}/${valid.length} valid loaded, ${refused}/${invalid.length} invalid refused`,
    );
    expect(failures).toEqual([]);
    expect(valid.length + invalid.length).toBe(42);
  });

  it('relates an SLO to the AlertPolicy it names, and the policy to its condition and target', async () => {
    const slo = await loadThroughCatalog(
      readSpecFile('slo/slo-indicatorref-rolling-alerts.yaml'),
    );
    expect(slo.relations).toEqual([
      'slo:default/test-slo measures component:default/the-service-name',
      'component:default/the-service-name measuredBy slo:default/test-slo',
      'slo:default/test-slo hasAlertPolicy alertpolicy:default/foo-alert-policy',
      'alertpolicy:default/foo-alert-policy alertPolicyFor slo:default/test-slo',
    ]);
    // Seven targetRefs to one target: related once.
    const policy = await loadThroughCatalog(
      readSpecFile('alert-policy/alert-policy-many-notificationref.yaml'),
    );
    expect(policy.relations).toEqual([
      'alertpolicy:default/alert-policy hasAlertCondition alertcondition:default/cpu-usage-breach',
      'alertcondition:default/cpu-usage-breach alertConditionFor alertpolicy:default/alert-policy',
      'alertpolicy:default/alert-policy notifies alertnotificationtarget:default/on-call-devops-mail-notification',
      'alertnotificationtarget:default/on-call-devops-mail-notification notifiedBy alertpolicy:default/alert-policy',
    ]);
  });
});
