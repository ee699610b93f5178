import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { RawSpecCard } from '@unyo/plugin-ops-react';
import { runbooksTranslationRef } from '../../../translation';

/**
 * The runbook's `spec` as YAML, with a copy button.
 *
 * @public
 */
export function RunbookRawSpecCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  return (
    <RawSpecCard
      title={t('rawSpecCard.title')}
      subheader={ref => t('rawSpecCard.subheader', { ref })}
      emptyText={t('rawSpecCard.empty')}
    />
  );
}
