import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { RunbookTable as SharedRunbookTable } from '@unyo/plugin-ops-react';
import { RelatedEntity } from '../../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../../translation';

/**
 * The entity's runbooks from the catalog, as the runbooks plugin's card
 * shows them (without its live firing alerts).
 */
export function RunbookTable(props: { items: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  return (
    <SharedRunbookTable
      rows={props.items.map(item => ({
        ref: item.refString,
        runbook: item.entity,
      }))}
      columns={{
        runbook: t('opsContent.runbook'),
        severity: t('opsContent.severity'),
        alerts: t('opsContent.alerts'),
        steps: t('opsContent.steps'),
      }}
    />
  );
}
