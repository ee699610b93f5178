/*
 * The SLO report component in a minimal page for the report benchmark of
 * @unyo/plugin-ops-backend (`yarn workspace @unyo/plugin-ops-backend
 * bench:report`, which bundles this file with esbuild and serves it next to
 * its backend): the real OpsClient against that backend, the real theme, an
 * English translation API; the catalog only lists the owners and systems
 * for the filters.
 */
import {
  analyticsApiRef,
  ApiRef,
  configApiRef,
  errorApiRef,
  createTranslationRef,
  routeResolutionApiRef,
  translationApiRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { MockConfigApi, TestApiProvider } from '@backstage/test-utils';
import { themes, UnifiedThemeProvider } from '@backstage/theme';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { opsApiRef, OpsClient } from '../src/api';
import { SloReport } from '../src/components/report/SloReportPage';

function englishT(ref: ReturnType<typeof createTranslationRef>) {
  const messages = (ref as any).getDefaultMessages() as Record<string, string>;
  return (key: string, options: Record<string, unknown> = {}) =>
    (messages[key] ?? key).replace(/{{\s*(\w+)\s*}}/g, (_, name) =>
      String(options[name] ?? ''),
    );
}

const origin = window.location.origin;
// Only what the report calls of each API is implemented.
const apis: Array<readonly [ApiRef<any>, any]> = [
  [
    opsApiRef,
    new OpsClient({
      discoveryApi: { getBaseUrl: async () => `${origin}/api/ops` },
      fetchApi: { fetch: (input, init) => window.fetch(input, init) },
    }),
  ],
  [
    catalogApiRef,
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
    translationApiRef,
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
    routeResolutionApiRef,
    {
      resolve: () => (params: Record<string, string>) =>
        `/catalog/${params.namespace}/${params.kind}/${params.name}`,
    },
  ],
  [analyticsApiRef, { captureEvent: () => {} }],
  [configApiRef, new MockConfigApi({ app: { baseUrl: origin } })],
  [
    errorApiRef,
    {
      // eslint-disable-next-line no-console
      post: (error: Error) => console.error(error),
      error$: () => ({ subscribe: () => ({ unsubscribe() {} }) }),
    },
  ],
];

createRoot(document.getElementById('root')!).render(
  <TestApiProvider apis={apis}>
    <UnifiedThemeProvider theme={themes.light}>
      <BrowserRouter>
        <div style={{ padding: 24 }}>
          <SloReport tableHeight="70vh" />
        </div>
      </BrowserRouter>
    </UnifiedThemeProvider>
  </TestApiProvider>,
);
