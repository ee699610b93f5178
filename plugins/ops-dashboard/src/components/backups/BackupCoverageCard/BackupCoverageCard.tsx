import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BackupCoverage } from '@unyo/plugin-ops-common';
import { useBackupCoverage } from '../../../hooks/useBackups';
import { opsDashboardTranslationRef } from '../../../translation';
import { BackupStateChip } from '../BackupStateChip';

type CoverageItem = BackupCoverage['items'][number];

function CoverageRow(props: { item: CoverageItem }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { item } = props;
  const unprotected = item.policies.length === 0;
  return (
    <TableRow
      data-testid="coverage-row"
      data-entity-ref={item.entityRef}
      data-protected={String(!unprotected)}
      sx={
        unprotected
          ? theme => ({
              // `&&` wins over the theme's striped rows
              '&&': { backgroundColor: `${theme.palette.error.main}14` },
              '& > td:first-of-type': {
                boxShadow: `inset 4px 0 ${theme.palette.error.main}`,
              },
            })
          : undefined
      }
    >
      <TableCell>
        <EntityRefLink entityRef={item.entityRef} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {item.type ?? item.kind}
      </TableCell>
      <TableCell>
        {item.policies.map(policy => (
          <div key={policy}>
            <EntityRefLink entityRef={policy} />
          </div>
        ))}
      </TableCell>
      <TableCell>
        {unprotected ? (
          <Chip
            size="small"
            color="error"
            label={t('backups.unprotected')}
            data-testid="backup-unprotected"
          />
        ) : (
          <BackupStateChip state={item.status ?? 'unknown'} />
        )}
      </TableCell>
    </TableRow>
  );
}

/** The coverage of one system, without a card around it. */
export function BackupCoverageContent(props: { systemRef: string }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { value, loading, error } = useBackupCoverage(props.systemRef);
  if (loading && !value) return <Progress />;
  if (error && !value) {
    return (
      <Alert severity="error">
        {t('backups.coverageLoadError', { message: error.message })}
      </Alert>
    );
  }
  if (!value || value.total === 0) {
    return (
      <Typography variant="body2">{t('backups.coverageEmpty')}</Typography>
    );
  }
  // Unprotected first: they are what the card is for.
  const items = [...value.items].sort(
    (a, b) => Number(a.policies.length > 0) - Number(b.policies.length > 0),
  );
  const complete = value.covered === value.total;
  return (
    <Stack spacing={2}>
      {error && (
        <Alert severity="warning" role="alert">
          {t('backups.coverageLoadError', { message: error.message })}
        </Alert>
      )}
      <div>
        <Typography variant="subtitle1" data-testid="backup-coverage">
          {t('backups.coverage', {
            covered: String(value.covered),
            total: String(value.total),
          })}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={(value.covered / value.total) * 100}
          color={complete ? 'success' : 'error'}
          sx={{ height: 8, borderRadius: 1 }}
          aria-hidden
        />
      </div>
      <OpsTable aria-label={t('backups.coverageTitle')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('backups.coverageColumn.entity')}</TableCell>
            <TableCell>{t('backups.coverageColumn.type')}</TableCell>
            <TableCell>{t('backups.coverageColumn.policies')}</TableCell>
            <TableCell>{t('backups.coverageColumn.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(item => (
            <CoverageRow key={item.entityRef} item={item} />
          ))}
        </TableBody>
      </OpsTable>
    </Stack>
  );
}

/**
 * System page card: which databases and buckets of the system a
 * BackupPolicy protects, with each one's worst backup state; unprotected
 * ones first and highlighted.
 *
 * @public
 */
export function EntityBackupCoverageCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  return (
    <InfoCard title={t('backups.coverageTitle')}>
      <BackupCoverageContent systemRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}
