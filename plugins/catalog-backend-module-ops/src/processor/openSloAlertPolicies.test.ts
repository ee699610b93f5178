import { parse } from 'yaml';
import {
  loadDocument,
  loadThroughCatalog,
  readSpecFile,
} from '../__testUtils__/openSloSchemaTests';

// An SLO of the OpenSLO schema tests that names one policy, and a policy.
const sloText = readSpecFile('slo/slo-indicatorref-rolling-alerts.yaml');
const slo = parse(sloText);
const policy = parse(readSpecFile('alert-policy/alert-policy.yaml'));

const withPolicies = (alertPolicies: unknown) => ({
  ...slo,
  spec: { ...slo.spec, alertPolicies },
});

const alertingRelations = (relations: string[]) =>
  relations.filter(r => !/ (measures|measuredBy) /.test(r));

describe('alertPolicies of an SLO, in every form OpenSLO v1 writes them', () => {
  it('loads an empty alertPolicies key, relating no policy', async () => {
    const text = sloText.replace(
      'alertPolicies:\n    - foo-alert-policy',
      'alertPolicies:',
    );
    expect(parse(text).spec.alertPolicies).toBeNull();
    const { entity, errors, relations } = await loadThroughCatalog(text);
    expect(errors).toEqual([]);
    expect(entity?.spec?.alertPolicies).toBeNull();
    expect(alertingRelations(relations)).toEqual([]);
  });

  it('relates a policy given by name or by alertPolicyRef, both ways', async () => {
    const { errors, relations } = await loadDocument(
      withPolicies(['by-name', { alertPolicyRef: 'team-a/by-ref' }]),
    );
    expect(errors).toEqual([]);
    expect(alertingRelations(relations)).toEqual([
      'slo:default/test-slo hasAlertPolicy alertpolicy:default/by-name',
      'alertpolicy:default/by-name alertPolicyFor slo:default/test-slo',
      'slo:default/test-slo hasAlertPolicy alertpolicy:team-a/by-ref',
      'alertpolicy:team-a/by-ref alertPolicyFor slo:default/test-slo',
    ]);
  });

  it('relates the SLO to the condition and target an inline policy names', async () => {
    const inline = {
      kind: 'AlertPolicy',
      metadata: policy.metadata,
      spec: policy.spec,
    };
    const { errors, relations } = await loadDocument(withPolicies([inline]));
    expect(errors).toEqual([]);
    expect(alertingRelations(relations)).toEqual([
      'slo:default/test-slo hasAlertCondition alertcondition:default/cpu-usage-breach',
      'alertcondition:default/cpu-usage-breach alertConditionFor slo:default/test-slo',
      'slo:default/test-slo notifies alertnotificationtarget:default/on-call-devops-mail-notification',
      'alertnotificationtarget:default/on-call-devops-mail-notification notifiedBy slo:default/test-slo',
    ]);
  });

  it.each([
    [[42], 'spec.alertPolicies[0] must be an object'],
    [[''], 'spec.alertPolicies[0] must not be empty'],
    [
      [{ alertPolicyRef: '' }],
      'spec.alertPolicies[0].alertPolicyRef must not be empty',
    ],
    [[{ name: 'x' }], 'spec.alertPolicies[0].kind is required'],
    [
      [{ kind: 'AlertPolicy', metadata: { name: 'p' }, spec: {} }],
      'spec.alertPolicies[0].spec.conditions is required',
    ],
    [{ not: 'a list' }, 'spec.alertPolicies must be an array or a null'],
  ])('refuses alertPolicies %j naming the field', async (value, message) => {
    const { entity, errors } = await loadDocument(withPolicies(value));
    expect(errors.join('\n')).toContain(message);
    expect(errors.join('\n')).toContain('SLO test-slo:');
    expect(entity?.relations).toBeUndefined();
  });
});
