import { expect, test } from '@playwright/test';
import {
  apiGetJson,
  entityQuery,
  openEntity,
  requireDemo,
  signIn,
} from './support';

// The journeys card on a System page against the demo: the example journey
// `azure-saas-sign-in` (examples/azure-saas/journeys.yaml) weighs the
// Frontend and authentication availability SLOs 1:1, evaluated from the
// demo's Prometheus history.
const SYSTEM = 'system:default/azure-saas';
const COMPONENTS = [
  [
    'component:default/azure-saas-frontend',
    'slo:default/azure-saas-frontend-availability',
  ],
  [
    'component:default/azure-saas-auth-service',
    'slo:default/azure-saas-auth-service-availability',
  ],
] as const;

interface Status {
  ref: string;
  state: string;
  sli?: { ratio: number };
  policy?: string;
}

// What the user reads in the policy column for each state the API gives.
const POLICY_TEXT: Record<string, string> = {
  normal: 'Normal: ship features',
  'feature-freeze': 'Feature freeze: reliability work first',
  'incident-only': 'Incidents only: fix what burns the budget',
  frozen: 'Budget exhausted: change freeze',
};

test.beforeEach(() => {
  requireDemo('evaluated SLOs (the demo Prometheus history)');
});

test('a System page lists its journeys with the weighted mean of their SLOs', async ({
  page,
  request,
}) => {
  await signIn(page);
  let journey: Status | undefined;
  let mean = 0;
  await expect(async () => {
    const journeys: Status[] = (
      await apiGetJson(request, `/api/ops/journeys?${entityQuery(SYSTEM)}`)
    ).items;
    journey = journeys.find(
      j => j.ref === 'compositeslo:default/azure-saas-sign-in',
    );
    expect(journey?.state).toBe('ok');
    const ratios: number[] = [];
    for (const [component, slo] of COMPONENTS) {
      const slos: Status[] = (
        await apiGetJson(request, `/api/ops/slos?${entityQuery(component)}`)
      ).items;
      ratios.push(slos.find(s => s.ref === slo)!.sli!.ratio);
    }
    mean = (ratios[0] + ratios[1]) / 2;
  }).toPass({ timeout: 180_000 });
  expect(journey!.sli!.ratio).toBeCloseTo(mean, 4);

  await openEntity(page, SYSTEM);
  const card = page.getByRole('table', { name: 'User journeys' });
  await expect(card.getByRole('link', { name: 'Sign in' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(card.getByText(POLICY_TEXT[journey!.policy!])).toBeVisible();
  await expect(page.getByText('System budget')).toBeVisible();
  await expect(
    page.getByText(/^The budget left of the worst journey \(Sign in\)/),
  ).toBeVisible();
});
