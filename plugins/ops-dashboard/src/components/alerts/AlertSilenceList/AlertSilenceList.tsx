import { useApi } from '@backstage/frontend-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { OpsTable } from '@unyo/plugin-ops-react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Silence } from '@unyo/plugin-ops-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { opsApiRef } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';

/** @public */
export interface AlertSilenceListProps {
  entityRef: string;
  /** Whether the user may expire silences (the backend checks it again). */
  canExpire: boolean;
  /** Changes when a silence was created, to list it. */
  refreshKey?: string;
  onExpired?(): void;
}

function matchersText(silence: Silence): string {
  return silence.matchers
    .map(m => `${m.name}${m.isRegex ? '=~' : '='}"${m.value}"`)
    .join(', ');
}

/**
 * The active silences within the entity's selector, each with who made it,
 * why, until when, and an Expire button.
 *
 * @public
 */
export function AlertSilenceList(props: AlertSilenceListProps) {
  const { entityRef, canExpire, refreshKey, onExpired } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const api = useApi(opsApiRef);
  const [expiring, setExpiring] = useState<string>();
  const [error, setError] = useState<string>();
  const silences = useAsyncRetry(
    () => api.getSilences(entityRef),
    [api, entityRef, refreshKey],
  );

  const expire = async (silence: Silence) => {
    setExpiring(silence.id);
    setError(undefined);
    try {
      await api.expireSilence(silence.id, entityRef);
      silences.retry();
      onExpired?.();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setExpiring(undefined);
    }
  };

  if (silences.error) {
    return (
      <Alert severity="warning">
        {t('alerts.silences.loadError', { message: silences.error.message })}
      </Alert>
    );
  }
  const items = (silences.value?.items ?? []).filter(s => s.state === 'active');
  if (items.length === 0) return null;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">{t('alerts.silences.title')}</Typography>
      {error && (
        <Alert severity="error" onClose={() => setError(undefined)}>
          {t('alerts.silences.expireError', { message: error })}
        </Alert>
      )}
      <OpsTable aria-label={t('alerts.silences.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('alerts.silences.matchers')}</TableCell>
            <TableCell>{t('alerts.silences.createdBy')}</TableCell>
            <TableCell>{t('alerts.silences.until')}</TableCell>
            <TableCell>{t('alerts.silences.comment')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(silence => (
            <TableRow key={silence.id} data-testid={`silence-${silence.id}`}>
              <TableCell>
                <Typography variant="body2" fontFamily="monospace">
                  {matchersText(silence)}
                </Typography>
              </TableCell>
              <TableCell>{silence.createdBy}</TableCell>
              <TableCell>{new Date(silence.endsAt).toLocaleString()}</TableCell>
              <TableCell>{silence.comment}</TableCell>
              <TableCell>
                {canExpire && (
                  <Button
                    size="small"
                    disabled={expiring === silence.id}
                    onClick={() => expire(silence)}
                  >
                    {t('alerts.silences.expire')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </OpsTable>
    </Stack>
  );
}
