import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { RawSpecCard } from '@unyo/plugin-ops-react';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * The entity's `spec` as YAML, with a copy button.
 *
 * @public
 */
export function EntityRawSpecCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <RawSpecCard
      title={t('rawSpecCard.title')}
      subheader={ref => t('rawSpecCard.subheader', { ref })}
      emptyText={t('rawSpecCard.empty')}
    />
  );
}
