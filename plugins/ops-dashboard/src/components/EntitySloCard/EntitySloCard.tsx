import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { RELATION_MEASURED_BY } from '../../constants';
import { opsDashboardTranslationRef } from '../../translation';
import { OpsStatusNotice } from '../OpsStatusNotice';
import { RelatedSection } from '../RelatedSection';
import { SloTable } from '../SloTable';

/**
 * The SLOs that measure the entity, with their targets, windows and error
 * budgets from the catalog, for a Component's or Resource's overview.
 *
 * @public
 */
export function EntitySloCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  return (
    <RelatedSection
      entity={entity}
      relation={RELATION_MEASURED_BY}
      title={t('entitySloCard.title')}
      emptyText={t('entitySloCard.empty')}
      renderItems={items => <SloTable items={items} />}
      notice={<OpsStatusNotice capability="slo" />}
    />
  );
}
