import {
  APIRequestContext,
  APIResponse,
  expect,
  Page,
  test,
} from '@playwright/test';

// What every end-to-end test does before its own checks: sign in, call the
// backend as the guest user, open an entity page. Not a test file:
// Playwright runs only `*.test.ts` / `*.spec.ts` under testDir.

/** Skips the current test(s) when the demo stack is not running. */
export function requireDemo(needs: string) {
  test.skip(!process.env.UNYO_E2E_DEMO, `needs ${needs}`);
}

/** Signs in as guest; the catalog, the landing page, is then shown. */
export async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('heading', { name: 'Unyo demo Catalog' }),
  ).toBeVisible();
}

// A fresh token per call: tests retry API reads for minutes in `toPass`.
async function guestHeaders(request: APIRequestContext) {
  const auth = await request.post('/api/auth/guest/refresh');
  const token = (await auth.json()).backstageIdentity.token;
  return { Authorization: `Bearer ${token}` };
}

/** GET on the backend with the guest user's token, as the page calls it. */
export async function apiGet(
  request: APIRequestContext,
  path: string,
): Promise<APIResponse> {
  return request.get(path, { headers: await guestHeaders(request) });
}

/** POST of a JSON body on the backend with the guest user's token. */
export async function apiPost(
  request: APIRequestContext,
  path: string,
  data: unknown,
): Promise<APIResponse> {
  return request.post(path, { headers: await guestHeaders(request), data });
}

/** DELETE on the backend with the guest user's token. */
export async function apiDelete(
  request: APIRequestContext,
  path: string,
): Promise<APIResponse> {
  return request.delete(path, { headers: await guestHeaders(request) });
}

/** GET that must succeed; returns the parsed body. */
export async function apiGetJson(request: APIRequestContext, path: string) {
  const res = await apiGet(request, path);
  expect(res.ok()).toBe(true);
  return res.json();
}

/** `?entityRef=…` for the ops API, escaped. */
export function entityQuery(entityRef: string): string {
  return `entityRef=${encodeURIComponent(entityRef)}`;
}

/** The catalog page of `kind:namespace/name`. */
export function entityPath(entityRef: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  if (!match) throw new Error(`not a full entity ref: ${entityRef}`);
  const [, kind, namespace, name] = match;
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
}

/** Opens the catalog page of `kind:namespace/name`. */
export async function openEntity(page: Page, entityRef: string) {
  await page.goto(entityPath(entityRef));
}
