import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import {
  Alert as OpsAlert,
  AlertMatcher,
  SelectorMatcher,
  formatMatcher,
  toAlertMatcher,
} from '@unyo/plugin-ops-common';
import { useMemo, useState } from 'react';
import { opsApiRef } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';

const DURATIONS = [
  ['m30', 30],
  ['h1', 60],
  ['h2', 120],
  ['h4', 240],
  ['h8', 480],
  ['d1', 1440],
  ['d3', 4320],
  ['d7', 10080],
] as const;

/** @public */
export interface AlertSilenceDialogProps {
  entityRef: string;
  alert: OpsAlert;
  /** The entity's selector: always part of the silence, not editable. */
  selector: SelectorMatcher[];
  onClose(): void;
  onCreated(silenceId: string): void;
}

/**
 * Creates a silence for one alert. The entity's selector matchers are fixed
 * (the backend refuses silences that drop them); of the alert's other labels
 * `alertname` is chosen by default, the rest may be added to narrow it.
 *
 * @public
 */
export function AlertSilenceDialog(props: AlertSilenceDialogProps) {
  const { entityRef, alert, selector, onClose, onCreated } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const opsApi = useApi(opsApiRef);
  const optional = useMemo(
    () =>
      Object.entries(alert.labels)
        .filter(([name]) => !selector.some(m => m.name === name))
        // alertname first, then the rest by name.
        .sort(
          ([a], [b]) =>
            Number(b === 'alertname') - Number(a === 'alertname') ||
            a.localeCompare(b),
        ),
    [alert.labels, selector],
  );
  const [chosen, setChosen] = useState<Set<string>>(
    () =>
      new Set(optional.some(([n]) => n === 'alertname') ? ['alertname'] : []),
  );
  const [duration, setDuration] = useState(60);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const matchers: AlertMatcher[] = [
      ...selector.map(toAlertMatcher),
      ...optional
        .filter(([name]) => chosen.has(name))
        .map(([name, value]) => ({
          name,
          value,
          isRegex: false,
          isEqual: true,
        })),
    ];
    setBusy(true);
    setError(undefined);
    try {
      const { silenceId } = await opsApi.createSilence({
        entityRef,
        matchers,
        durationMinutes: duration,
        comment: comment.trim(),
      });
      onCreated(silenceId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t('alerts.silence.title', { alertname: alert.alertname })}
      </DialogTitle>
      <DialogContent>
        <FormLabel component="legend">{t('alerts.silence.matchers')}</FormLabel>
        <FormGroup>
          {selector.map(m => (
            <FormControlLabel
              key={`s-${formatMatcher(m)}`}
              control={<Checkbox checked disabled />}
              label={`${formatMatcher(m)} (${t('alerts.silence.locked')})`}
            />
          ))}
          {optional.map(([name, value]) => {
            const text = formatMatcher({ name, op: '=', value });
            return (
              <FormControlLabel
                key={name}
                control={
                  <Checkbox
                    checked={chosen.has(name)}
                    onChange={(_, on) =>
                      setChosen(prev => {
                        const next = new Set(prev);
                        if (on) next.add(name);
                        else next.delete(name);
                        return next;
                      })
                    }
                  />
                }
                label={text}
              />
            );
          })}
        </FormGroup>
        <TextField
          select
          fullWidth
          margin="normal"
          label={t('alerts.silence.duration')}
          value={duration}
          onChange={e => setDuration(Number(e.target.value))}
        >
          {DURATIONS.map(([key, minutes]) => (
            <MenuItem key={key} value={minutes}>
              {t(`alerts.silence.durations.${key}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          fullWidth
          required
          multiline
          minRows={2}
          margin="normal"
          label={t('alerts.silence.comment')}
          helperText={t('alerts.silence.commentHelp')}
          value={comment}
          onChange={e => setComment(e.target.value)}
        />
        {error && (
          <Alert severity="error" role="alert">
            {t('alerts.silence.error', { message: error })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('alerts.silence.cancel')}</Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={busy || comment.trim() === ''}
        >
          {t('alerts.silence.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
