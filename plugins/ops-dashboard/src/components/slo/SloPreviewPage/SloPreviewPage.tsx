import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloPreview } from './SloPreview';

/**
 * The SLO preview page (`/slo-preview`): a developer pastes a draft SLO and
 * sees the status, burn rates and burn-down it would have, before merging.
 *
 * @public
 */
export function SloPreviewPage() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('preview.title')} subtitle={t('preview.subtitle')} />
      <Content>
        <SloPreview />
      </Content>
    </Page>
  );
}
