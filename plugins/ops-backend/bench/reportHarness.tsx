/*
 * The SLO report component in a minimal page for the benchmark: the real
 * OpsClient against the benchmark's backend, the real theme, an English
 * translation API; the catalog only lists the owners and systems for the
 * filters. Bundled by reportPage.ts with esbuild (production).
 */
/* The harness is benchmark-only: it bundles the ops-dashboard sources and
 * frontend packages from the workspace root, none of them a dependency of
 * the published backend. */
/* eslint-disable @backstage/no-undeclared-imports, @backstage/no-relative-monorepo-imports */
import {
  analyticsApiRef,
  ApiRef,
  configApiRef,
  errorApiRef,
  createTranslationRef,
  routeResolutionApiRef,
  translationApiRef,
} from '@backstage/frontend-plugin-api';
import { ApiProvider, ConfigReader } from '@backstage/core-app-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { opsApiRef, OpsClient } from '../../ops-dashboard/src/api';
import { SloReport } from '../../ops-dashboard/src/components/SloReportPage';

function englishT(ref: ReturnType<typeof createTranslationRef>) {
  const messages = (ref as any).getDefaultMessages() as Record<string, string>;
  return (key: string, options: Record<string, unknown> = {}) =>
    (messages[key] ?? key).replace(/{{\s*(\w+)\s*}}/g, (_, name) =>
      String(options[name] ?? ''),
    );
}

const origin = window.location.origin;
const apis = new Map<string, unknown>([
  [
    opsApiRef.id,
    new OpsClient({
      discoveryApi: { getBaseUrl: async () => `${origin}/api/ops` },
      fetchApi: { fetch: (input, init) => window.fetch(input, init) },
    }),
  ],
  [
    catalogApiRef.id,
    {
      getEntities: async ({ filter }: any) => ({
        items: Array.from(
          { length: filter.kind === 'Group' ? 25 : 10 },
          (_, i) => ({
            kind: filter.kind,
            metadata: {
              namespace: 'default',
              name: filter.kind === 'Group' ? `team-${i}` : `sys-${i}`,
            },
          }),
        ),
      }),
    },
  ],
  [
    translationApiRef.id,
    {
      getTranslation: (ref: any) => ({ ready: true, t: englishT(ref) }),
      translation$: (ref: any) => ({
        subscribe: (observer: any) => {
          observer.next?.({ ready: true, t: englishT(ref) });
          return { unsubscribe() {}, closed: false };
        },
        [Symbol.observable ?? '@@observable']() {
          return this;
        },
      }),
    },
  ],
  [
    routeResolutionApiRef.id,
    {
      resolve: () => (params: Record<string, string>) =>
        `/catalog/${params.namespace}/${params.kind}/${params.name}`,
    },
  ],
  [analyticsApiRef.id, { captureEvent: () => {} }],
  [configApiRef.id, new ConfigReader({ app: { baseUrl: origin } })],
  [
    errorApiRef.id,
    {
      // eslint-disable-next-line no-console
      post: (error: Error) => console.error(error),
      error$: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
    },
  ],
]);

const holder = {
  get: <T,>(ref: ApiRef<T>) => apis.get(ref.id) as T | undefined,
};

createRoot(document.getElementById('root')!).render(
  <ApiProvider apis={holder}>
    <UnifiedThemeProvider theme={themes.light}>
      <BrowserRouter>
        <div style={{ padding: 24 }}>
          <SloReport tableHeight="70vh" />
        </div>
      </BrowserRouter>
    </UnifiedThemeProvider>
  </ApiProvider>,
);
