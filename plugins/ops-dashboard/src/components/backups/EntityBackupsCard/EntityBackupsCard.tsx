import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { RELATION_PROTECTED_BY } from '../../../constants';
import { useBackups } from '../../../hooks/useBackups';
import { useOpsStatus } from '../../../hooks/useOpsStatus';
import { useRelatedEntities } from '../../../hooks/useRelatedEntities';
import { groupByPolicy } from '../../../lib/backups';
import { KIND_BACKUP_POLICY } from '../../../constants';
import { opsDashboardTranslationRef } from '../../../translation';
import { BackupPolicyTable } from '../BackupPolicyTable';
import { BackupPolicyRows } from './BackupPolicyRows';

/** @public */
export interface BackupsPanelProps {
  /** A Component or Resource (its protecting policies), or a BackupPolicy. */
  entity: Entity;
  title?: string;
  /** What to say when no policy protects the entity. */
  emptyText?: string;
}

/** Says which key is missing when no backup source connection is configured. */
function NotConfiguredNotice() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { value } = useOpsStatus();
  if (!value || value.sources.backupSources.configured) return null;
  return (
    <Alert severity="info" variant="outlined">
      {t('backups.notConfigured', {
        configKey: value.sources.backupSources.configKey,
      })}
    </Alert>
  );
}

/**
 * The live backup status of an entity: per policy and target the state,
 * last success, age against the RPO, copies kept and next run, and the
 * restore drill against the RTO. A source that cannot be read shows its
 * error with the age of the figures; policies the backend does not return
 * stay listed as the catalog declares them.
 *
 * @public
 */
export function BackupsPanel(props: BackupsPanelProps) {
  const { entity } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const backups = useBackups(entityRef);
  const related = useRelatedEntities(entity, RELATION_PROTECTED_BY);
  const isPolicy =
    entity.kind.toLocaleLowerCase('en-US') === KIND_BACKUP_POLICY;

  const policies = useMemo(() => {
    const byRef = new Map<string, Entity>();
    if (isPolicy) byRef.set(entityRef, entity);
    for (const item of related.value ?? []) {
      if (item.entity) byRef.set(item.refString, item.entity);
    }
    return byRef;
  }, [isPolicy, entity, entityRef, related.value]);

  const body = () => {
    if (backups.loading && !backups.value) return <Progress />;
    const groups = groupByPolicy(backups.value ?? []);
    const shown = new Set(groups.map(g => g.policyRef));
    const declaredOnly = (related.value ?? []).filter(
      item => !shown.has(item.refString),
    );
    const now = Date.now();
    return (
      <Stack spacing={2}>
        {backups.error && (
          <Alert severity={backups.value ? 'warning' : 'error'} role="alert">
            {t('backups.loadError', { message: backups.error.message })}
          </Alert>
        )}
        {!backups.error && groups.length === 0 && declaredOnly.length === 0 && (
          <Typography variant="body2">
            {props.emptyText ?? t('backups.empty')}
          </Typography>
        )}
        {groups.length > 0 && (
          <OpsTable aria-label={t('backups.cardTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('backups.column.target')}</TableCell>
                <TableCell>{t('backups.column.status')}</TableCell>
                <TableCell>{t('backups.column.lastSuccess')}</TableCell>
                <TableCell>{t('backups.column.age')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.map(group => (
                <BackupPolicyRows
                  key={group.policyRef}
                  group={group}
                  policy={policies.get(group.policyRef)}
                  now={now}
                />
              ))}
            </TableBody>
          </OpsTable>
        )}
        {declaredOnly.length > 0 && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('backups.declaredOnly')}
            </Typography>
            <BackupPolicyTable items={declaredOnly} />
          </>
        )}
      </Stack>
    );
  };

  return (
    <InfoCard title={props.title ?? t('backups.cardTitle')}>
      <Stack spacing={2}>
        <NotConfiguredNotice />
        {body()}
      </Stack>
    </InfoCard>
  );
}

/**
 * The backups card of a Component or Resource (the policies that protect
 * it) or of a BackupPolicy (its own targets).
 *
 * @public
 */
export function EntityBackupsCard() {
  const { entity } = useEntity();
  return <BackupsPanel entity={entity} />;
}
