import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloStatusList } from '../SloStatusList';

/**
 * The SLOs that measure the entity with their live status (budget left, SLI
 * against target, policy, burn rates and firing burn-rate alerts) from the
 * ops backend, for a Component's, Resource's or System's overview. SLOs the
 * backend does not evaluate are listed as the catalog declares them.
 *
 * @public
 */
export function EntitySloCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  return (
    <SloStatusList
      entity={entity}
      title={t('entitySloCard.title')}
      emptyText={t('entitySloCard.empty')}
    />
  );
}
