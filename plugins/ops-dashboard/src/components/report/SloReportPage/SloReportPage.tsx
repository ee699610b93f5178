import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloReport } from './SloReport';

/**
 * The SLO report page (`/slo-report`) for managers: every SLO of the
 * organisation.
 *
 * @public
 */
export function SloReportPage() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('report.title')} subtitle={t('report.subtitle')} />
      <Content>
        <SloReport />
      </Content>
    </Page>
  );
}
