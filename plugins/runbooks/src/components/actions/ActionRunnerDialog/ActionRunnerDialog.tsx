import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type Form from '@rjsf/core';
import type {
  Execution,
  OpsJsonObject,
  RunbookAction,
} from '@unyo/plugin-ops-common';
import { useRef, useState } from 'react';
import { runbooksApiRef } from '../../../api';
import { useLiveExecution } from '../../../hooks/useLiveExecution';
import {
  defaultEntityRef,
  ENTITY_ACTION_TYPES,
} from '../../../lib/entityChoice';
import {
  executionEvents,
  isFinished,
  newIdempotencyKey,
} from '../../../lib/executions';
import { runbooksTranslationRef } from '../../../translation';
import { ExecutionOutputView } from '../../executions/ExecutionOutputView';
import { ExecutionStatusChip } from '../../executions/ExecutionStatusChip';
import { ParametersForm } from './ParametersForm';

/** The runbook an action belongs to, as the dialog needs it. */
export interface RunbookForRunner {
  /** `runbook:namespace/name` */
  ref: string;
  /** `metadata.name`: what a destructive action asks to be typed. */
  name: string;
  appliesTo: string[];
}

/**
 * Runs one action of a runbook: a form from the action's parameter schema
 * (react-jsonschema-form, loaded with this dialog only: see useActionRunner),
 * the typed runbook name for destructive actions, then the live status and
 * the output. One idempotency key per opening, so a double click runs once.
 */
export function ActionRunnerDialog(props: {
  runbook: RunbookForRunner;
  action: RunbookAction;
  /** The entity the runbook page was opened from. */
  entityRef?: string;
  onClose: () => void;
}) {
  const { runbook, action, onClose } = props;
  const { t } = useTranslationRef(runbooksTranslationRef);
  const api = useApi(runbooksApiRef);
  const hasParameters =
    !!action.parameters && Object.keys(action.parameters).length > 0;
  const form = useRef<Form>(null);
  const [formData, setFormData] = useState<OpsJsonObject>();
  const [submitted, setSubmitted] = useState(false);
  const [confirmation, setConfirmation] = useState('');
  const needsEntity = ENTITY_ACTION_TYPES.includes(action.type);
  const [entityRef, setEntityRef] = useState(
    defaultEntityRef(props.entityRef, runbook.appliesTo) ?? '',
  );
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [starting, setStarting] = useState(false);
  // Guards against a second click that lands before React re-renders.
  const inFlight = useRef(false);
  const [refusal, setRefusal] = useState<string>();
  const [started, setStarted] = useState<Execution>();
  const { execution, error: followError } = useLiveExecution(started);

  const confirmed = !action.destructive || confirmation === runbook.name;
  const entityMissing = needsEntity && !entityRef;

  const run = async () => {
    setSubmitted(true);
    // The form shows its errors; nothing is sent while one is left.
    const valid = !form.current || form.current.validateForm();
    if (inFlight.current || !valid || entityMissing || !confirmed) return;
    inFlight.current = true;
    setStarting(true);
    setRefusal(undefined);
    try {
      const created = await api.createExecution(runbook.ref, action.id, {
        parameters: hasParameters ? formData ?? {} : {},
        idempotencyKey,
        ...(action.destructive ? { confirmation } : {}),
        ...(entityRef ? { entityRef } : {}),
      });
      setStarted(created);
      executionEvents.emit(created);
    } catch (e) {
      setRefusal((e as Error).message);
      // A refused request started nothing: the next try is a new run.
      setIdempotencyKey(newIdempotencyKey());
    } finally {
      inFlight.current = false;
      setStarting(false);
    }
  };

  const title = action.titleJa
    ? `${action.title} / ${action.titleJa}`
    : action.title;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('execution.runner.title', { title })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('execution.runner.runbook', {
            ref: runbook.ref,
            id: action.id,
            type: action.type,
          })}
        </Typography>
        {execution ? (
          <Stack spacing={1.5} aria-label={t('execution.output.title')}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <ExecutionStatusChip status={execution.status} />
              <Typography variant="body2" color="text.secondary">
                {t('execution.runner.started', { actor: execution.actor })}
              </Typography>
            </Box>
            {!isFinished(execution.status) && <LinearProgress />}
            {followError && (
              <Alert severity="warning">
                {t('execution.runner.followError', {
                  message: followError.message,
                })}
              </Alert>
            )}
            <ExecutionOutputView output={execution.output} />
          </Stack>
        ) : (
          <Stack spacing={2}>
            {needsEntity && (
              <TextField
                select
                required
                size="small"
                label={t('execution.runner.entity')}
                value={entityRef}
                onChange={e => setEntityRef(e.target.value)}
                error={submitted && entityMissing}
                helperText={
                  submitted && entityMissing
                    ? t('execution.runner.entityRequired')
                    : t('execution.runner.entityHelp')
                }
              >
                {[
                  ...new Set(
                    [props.entityRef, ...runbook.appliesTo].filter(
                      (r): r is string => !!r,
                    ),
                  ),
                ].map(ref => (
                  <MenuItem key={ref} value={ref}>
                    {ref}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <Typography variant="subtitle2" component="h3">
              {t('execution.runner.parameters')}
            </Typography>
            {hasParameters ? (
              <ParametersForm
                ref={form}
                action={action}
                formData={formData}
                liveValidate={submitted}
                onChange={setFormData}
                onSubmit={run}
              />
            ) : (
              <Typography variant="body2">
                {t('execution.runner.noParameters')}
              </Typography>
            )}
            {action.destructive && (
              <>
                <Alert severity="warning">
                  {t('execution.runner.destructive', { name: runbook.name })}
                </Alert>
                <TextField
                  size="small"
                  label={t('execution.runner.confirmation')}
                  value={confirmation}
                  onChange={e => setConfirmation(e.target.value)}
                  helperText={
                    confirmed
                      ? undefined
                      : t('execution.runner.confirmationMismatch', {
                          name: runbook.name,
                        })
                  }
                  autoComplete="off"
                />
              </>
            )}
            {refusal && (
              <Alert severity="error">
                {t('execution.runner.refused', { message: refusal })}
              </Alert>
            )}
            {starting && <LinearProgress />}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {execution ? (
          <Button onClick={onClose}>{t('execution.runner.close')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('execution.runner.cancel')}</Button>
            <Button
              variant="contained"
              color={action.destructive ? 'error' : 'primary'}
              disabled={!confirmed || starting}
              onClick={run}
            >
              {starting
                ? t('execution.runner.starting')
                : t('execution.runner.run')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
