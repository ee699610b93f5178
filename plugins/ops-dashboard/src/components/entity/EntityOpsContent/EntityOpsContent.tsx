import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@mui/material/Grid';
import { ComponentType } from 'react';
import { RELATION_HAS_RUNBOOK } from '../../../constants';
import { RelatedEntity } from '../../../hooks/useRelatedEntities';
import { opsDashboardTranslationRef } from '../../../translation';
import { BackupsPanel } from '../../backups/EntityBackupsCard';
import { EntityBackupCoverageCard } from '../../backups/BackupCoverageCard';
import { OpsCapability, OpsStatusNotice } from '../../common/OpsStatusNotice';
import { RelatedSection } from '../RelatedSection';
import { RunbookTable } from '../RunbookTable';
import { SloStatusList } from '../../slo/SloStatusList';
import { AlertsPanel } from '../../alerts/EntityAlertsCard';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityHealthCard } from '../../health/EntityHealthCard';
import { EntitySystemHealthCard } from '../../health/EntitySystemHealthCard';
import { healthUrlsOf } from '@unyo/plugin-ops-common';

interface Section {
  relation: string;
  title: string;
  emptyText: string;
  Table: ComponentType<{ items: RelatedEntity[] }>;
  capability: OpsCapability;
}

/**
 * The "Operations" tab of a Component, Resource or System: its SLOs with
 * their live status, and its backup policies and runbooks from the catalog,
 * each with what live data is still missing.
 *
 * @public
 */
export function EntityOpsContent() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  // Health: a System shows its components', others their own endpoints.
  const isSystem = entity.kind.toLocaleLowerCase('en-US') === 'system';
  let healthCard: JSX.Element | undefined;
  if (isSystem) {
    healthCard = <EntitySystemHealthCard />;
  } else if (healthUrlsOf(entity).length > 0) {
    healthCard = <EntityHealthCard />;
  }
  const sections: Section[] = [
    {
      relation: RELATION_HAS_RUNBOOK,
      title: t('opsContent.runbooksTitle'),
      emptyText: t('opsContent.runbooksEmpty'),
      Table: RunbookTable,
      capability: 'alerts',
    },
  ];
  return (
    <Grid container spacing={3} alignItems="stretch">
      {entity.metadata.annotations?.['unyo.dev/alert-selector'] && (
        <Grid item xs={12}>
          <AlertsPanel
            entityRef={stringifyEntityRef(entity)}
            title={t('opsContent.alerts')}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <SloStatusList
          entity={entity}
          title={t('opsContent.slosTitle')}
          emptyText={t('opsContent.slosEmpty')}
        />
      </Grid>
      <Grid item xs={12}>
        {isSystem ? (
          <EntityBackupCoverageCard />
        ) : (
          <BackupsPanel
            entity={entity}
            title={t('opsContent.backupsTitle')}
            emptyText={t('opsContent.backupsEmpty')}
          />
        )}
      </Grid>
      {/* Every card at full width: their tables need it (no header broken
          inside a word at 1280 px). */}
      {sections.map(({ relation, title, emptyText, Table, capability }) => (
        <Grid item xs={12} key={relation}>
          <RelatedSection
            entity={entity}
            relation={relation}
            title={title}
            emptyText={emptyText}
            renderItems={items => <Table items={items} />}
            notice={<OpsStatusNotice capability={capability} />}
          />
        </Grid>
      ))}
      {healthCard && (
        <Grid item xs={12}>
          {healthCard}
        </Grid>
      )}
    </Grid>
  );
}
