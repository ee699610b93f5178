import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@mui/material/Grid';
import {
  RELATION_HAS_RUNBOOK,
  RELATION_MEASURED_BY,
  RELATION_PROTECTED_BY,
} from '../../constants';
import { opsDashboardTranslationRef } from '../../translation';
import { BackupPolicyTable } from '../BackupPolicyTable';
import { OpsStatusNotice } from '../OpsStatusNotice';
import { RelatedSection } from '../RelatedSection';
import { RunbookTable } from '../RunbookTable';
import { SloTable } from '../SloTable';

/**
 * The "Operations" tab of a Component, Resource or System: its SLOs, backup
 * policies and runbooks from the catalog, each with what live data is still
 * missing.
 *
 * @public
 */
export function EntityOpsContent() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <RelatedSection
          entity={entity}
          relation={RELATION_MEASURED_BY}
          title={t('opsContent.slosTitle')}
          emptyText={t('opsContent.slosEmpty')}
          renderItems={items => <SloTable items={items} />}
          notice={<OpsStatusNotice capability="slo" />}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <RelatedSection
          entity={entity}
          relation={RELATION_PROTECTED_BY}
          title={t('opsContent.backupsTitle')}
          emptyText={t('opsContent.backupsEmpty')}
          renderItems={items => <BackupPolicyTable items={items} />}
          notice={<OpsStatusNotice capability="backups" />}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <RelatedSection
          entity={entity}
          relation={RELATION_HAS_RUNBOOK}
          title={t('opsContent.runbooksTitle')}
          emptyText={t('opsContent.runbooksEmpty')}
          renderItems={items => <RunbookTable items={items} />}
          notice={<OpsStatusNotice capability="alerts" />}
        />
      </Grid>
    </Grid>
  );
}
