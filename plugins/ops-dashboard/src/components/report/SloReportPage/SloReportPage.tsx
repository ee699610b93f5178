import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloReportPrefetch } from './reportPrefetch';
import { SloReport } from './SloReport';

/**
 * The SLO report page (`/slo-report`) for managers: every SLO of the
 * organisation.
 *
 * @public
 */
export function SloReportPage(props?: {
  /**
   * The first requests, started by the page's extension while this code
   * loaded (alpha/pages.tsx); the legacy page asks when it is drawn.
   */
  prefetched?: SloReportPrefetch;
}) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('report.title')} subtitle={t('report.subtitle')} />
      <Content>
        <SloReport prefetched={props?.prefetched} />
      </Content>
    </Page>
  );
}
