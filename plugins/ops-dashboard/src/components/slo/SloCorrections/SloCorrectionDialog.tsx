import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import {
  SLO_CORRECTION_CATEGORIES,
  SloCorrection,
  SloCorrectionCategory,
} from '@unyo/plugin-ops-common';
import { useState } from 'react';
import { opsApiRef } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';

/** A `datetime-local` value (local time) as an ISO instant; '' when unset. */
function toIso(local: string): string {
  const time = Date.parse(local);
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** @public */
export interface SloCorrectionDialogProps {
  namespace: string;
  name: string;
  onClose(): void;
  onCreated(correction: SloCorrection): void;
}

/**
 * Adds an error-budget correction: a span (in the browser's time zone,
 * possibly in the past), a category and a reason. The backend checks the
 * permission and the fields; its refusal is shown as it words it.
 *
 * @public
 */
export function SloCorrectionDialog(props: SloCorrectionDialogProps) {
  const { namespace, name, onClose, onCreated } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const opsApi = useApi(opsApiRef);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [category, setCategory] =
    useState<SloCorrectionCategory>('maintenance');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await opsApi.createSloCorrection(namespace, name, {
        start: toIso(start),
        end: toIso(end),
        category,
        reason: reason.trim(),
      });
      onCreated(created);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('corrections.dialog.title')}</DialogTitle>
      <DialogContent>
        <TextField
          fullWidth
          required
          type="datetime-local"
          margin="normal"
          label={t('corrections.dialog.start')}
          InputLabelProps={{ shrink: true }}
          value={start}
          onChange={e => setStart(e.target.value)}
        />
        <TextField
          fullWidth
          required
          type="datetime-local"
          margin="normal"
          label={t('corrections.dialog.end')}
          InputLabelProps={{ shrink: true }}
          value={end}
          onChange={e => setEnd(e.target.value)}
        />
        <TextField
          select
          fullWidth
          margin="normal"
          label={t('corrections.dialog.category')}
          value={category}
          onChange={e => setCategory(e.target.value as SloCorrectionCategory)}
        >
          {SLO_CORRECTION_CATEGORIES.map(c => (
            <MenuItem key={c} value={c}>
              {t(`corrections.category.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          required
          multiline
          minRows={2}
          margin="normal"
          label={t('corrections.dialog.reason')}
          helperText={t('corrections.dialog.reasonHelp')}
          value={reason}
          onChange={e => setReason(e.target.value)}
        />
        {error && (
          <Alert severity="error" role="alert">
            {t('corrections.dialog.error', { message: error })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('corrections.dialog.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || !toIso(start) || !toIso(end) || !reason.trim()}
        >
          {t('corrections.dialog.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
