import { Entity } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { BackupStatus } from '@unyo/plugin-ops-common';
import { ReactNode } from 'react';
import { useDeclaredDuration } from '../../../hooks/useBackupFormatters';
import { useOpsFormatters } from '../../../hooks/useOpsFormatters';
import { useSloStatusFormatters } from '../../../hooks/useSloStatusFormatters';
import { PolicyBackups, secondsUntil } from '../../../lib/backups';
import { opsDashboardTranslationRef } from '../../../translation';
import { BackupAgeBar } from '../BackupAgeBar';
import { BackupStateChip } from '../BackupStateChip';

/** The number of columns of the backups table. */
export const BACKUP_COLUMNS = 4;

function useTimes(now: number) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { formatAgo } = useSloStatusFormatters();
  const { formatMinutes } = useOpsFormatters();
  const duration = (seconds: number) => formatMinutes(seconds / 60);
  const declared = useDeclaredDuration();
  /** `12 min ago` with the absolute time in a tooltip; `never` without one. */
  const ago = (iso: string | null | undefined, format = (s: string) => s) => {
    const until = secondsUntil(iso, now);
    if (until === undefined || !iso) return t('backups.never');
    return (
      <Tooltip title={new Date(iso).toLocaleString()}>
        <span>{format(formatAgo(Math.max(0, -until)))}</span>
      </Tooltip>
    );
  };
  const due = (iso: string | null | undefined) => {
    const until = secondsUntil(iso, now);
    if (until === undefined || !iso) return '—';
    return (
      <Tooltip title={new Date(iso).toLocaleString()}>
        <Box
          component="span"
          sx={until < 0 ? { color: 'warning.dark', fontWeight: 600 } : {}}
        >
          {until < 0
            ? t('backups.overdue', { duration: duration(-until) })
            : t('backups.dueIn', { duration: duration(until) })}
        </Box>
      </Tooltip>
    );
  };
  return { t, ago, due, duration, declared, formatAgo };
}

/** What the source said, as the chip's tooltip. */
function why(item: BackupStatus): string | undefined {
  const texts = [item.message, item.sourceError].filter(
    (text): text is string => !!text,
  );
  return [...new Set(texts)].join(' — ') || undefined;
}

/** "last read 12 min ago: <error>": the figures are the last good reading. */
function StaleLine(props: { item: BackupStatus; now: number }) {
  const { t, formatAgo } = useTimes(props.now);
  const { item } = props;
  if (!item.sourceError) return null;
  const checked = secondsUntil(item.checkedAt, props.now);
  const age =
    item.staleSeconds ?? (checked === undefined ? undefined : -checked);
  return (
    <Typography variant="caption" color="warning.dark" component="div">
      {age === undefined
        ? t('backups.neverRead', { message: item.sourceError })
        : t('backups.stale', {
            ago: formatAgo(Math.max(0, age)),
            message: item.sourceError,
          })}
    </Typography>
  );
}

/** The target's name with its type and source below it. */
function TargetCell(props: { name: string; item: BackupStatus }) {
  const { item } = props;
  return (
    <TableCell>
      <Typography
        variant="body2"
        fontWeight={500}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {props.name}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {[item.type, item.source.type, item.source.connection]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </TableCell>
  );
}

function StatusCell(props: { item: BackupStatus; now: number }) {
  return (
    <TableCell>
      <BackupStateChip state={props.item.status} why={why(props.item)} />
      <StaleLine item={props.item} now={props.now} />
    </TableCell>
  );
}

function Caption(props: { children: ReactNode; color?: string }) {
  return (
    <Typography
      variant="caption"
      color={props.color ?? 'text.secondary'}
      component="div"
    >
      {props.children}
    </Typography>
  );
}

function TargetRow(props: { item: BackupStatus; now: number }) {
  const { item, now } = props;
  const { t, ago, due } = useTimes(now);
  const { expected, found } = item.retention;
  let retention: string;
  if (found === null) retention = t('backups.retentionUnknown');
  else if (expected === null) {
    retention = t('backups.retentionFoundOnly', { found: String(found) });
  } else {
    retention = t('backups.retention', {
      found: String(found),
      expected: String(expected),
    });
  }
  return (
    <TableRow
      data-testid="backup-row"
      data-policy={item.policyRef}
      data-target={item.target}
    >
      <TargetCell name={item.target} item={item} />
      <StatusCell item={item} now={now} />
      <TableCell>
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {item.lastSuccessAt ? ago(item.lastSuccessAt) : t('backups.none')}
        </Typography>
        {item.lastFailureAt && (
          <Caption color="error">
            {ago(item.lastFailureAt, text =>
              t('backups.lastFailure', { ago: text }),
            )}
          </Caption>
        )}
        {item.nextDueAt && <Caption>{due(item.nextDueAt)}</Caption>}
      </TableCell>
      <TableCell>
        <BackupAgeBar
          ageSeconds={item.ageSeconds}
          rpoSeconds={item.rpoSeconds}
          policyRpoSeconds={item.policyRpoSeconds}
          state={item.status}
        />
        <Caption>{retention}</Caption>
      </TableCell>
    </TableRow>
  );
}

/** The restore drill: when it last ran, how long it took against the RTO. */
function RestoreTestRow(props: { item: BackupStatus; now: number }) {
  const { item, now } = props;
  const { t, ago, due, duration, declared } = useTimes(now);
  const drill = item.lastRestoreTest;
  const at = drill?.at ?? item.lastRestoreTestAt ?? item.lastSuccessAt;
  const rto = item.rtoSeconds ?? null;
  let took: string | undefined;
  if (drill?.durationSeconds !== null && drill?.durationSeconds !== undefined) {
    took =
      rto === null
        ? t('backups.drillDurationNoRto', {
            duration: duration(drill.durationSeconds),
          })
        : t('backups.drillDuration', {
            duration: duration(drill.durationSeconds),
            rto: declared(rto),
          });
  }
  return (
    <TableRow
      data-testid="backup-row"
      data-policy={item.policyRef}
      data-target={item.target}
    >
      <TargetCell name={t('backups.restoreTest')} item={item} />
      <StatusCell item={item} now={now} />
      <TableCell>
        <Typography variant="body2">
          {at
            ? ago(at, text =>
                drill?.status === 'failed'
                  ? t('backups.drillFailed', { ago: text })
                  : t('backups.drill', { ago: text }),
              )
            : t('backups.never')}
        </Typography>
        {item.nextDueAt && <Caption>{due(item.nextDueAt)}</Caption>}
      </TableCell>
      <TableCell>
        {took && <Typography variant="body2">{took}</Typography>}
        {drill && drill.withinRto !== null && (
          <Chip
            size="small"
            variant="outlined"
            color={drill.withinRto ? 'success' : 'error'}
            label={t(drill.withinRto ? 'backups.withinRto' : 'backups.overRto')}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/** One policy: a heading row with its link and RPO/RTO, then its targets. */
export function BackupPolicyRows(props: {
  group: PolicyBackups;
  /** The policy as the catalog has it, for its title. */
  policy?: Entity;
  now: number;
}) {
  const { group, policy, now } = props;
  const { t, declared } = useTimes(now);
  const titleJa =
    typeof policy?.spec?.titleJa === 'string' ? policy.spec.titleJa : undefined;
  return (
    <>
      <TableRow>
        <TableCell
          colSpan={BACKUP_COLUMNS}
          sx={{ bgcolor: 'action.hover', borderBottom: 'none' }}
        >
          <EntityRefLink entityRef={policy ?? group.policyRef} />
          <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
            {[
              titleJa,
              group.rtoSeconds === null
                ? t('backups.policyFiguresNoRto', {
                    rpo: declared(group.rpoSeconds),
                  })
                : t('backups.policyFigures', {
                    rpo: declared(group.rpoSeconds),
                    rto: declared(group.rtoSeconds),
                  }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </TableCell>
      </TableRow>
      {group.targets.map(item => (
        <TargetRow key={item.target} item={item} now={now} />
      ))}
      {group.restoreTest && (
        <RestoreTestRow item={group.restoreTest} now={now} />
      )}
    </>
  );
}
