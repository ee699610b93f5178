import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ExecutionStatus } from '@unyo/plugin-ops-common';
import { useEffect, useState } from 'react';
import { runbooksTranslationRef } from '../../../translation';
import type { ExecutionHistoryFilters } from './useExecutionHistory';

const STATUSES: ExecutionStatus[] = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'rejected',
];

/**
 * `alice` → `user:default/alice`, as the backend stores actors; what does not
 * parse goes as typed, and the backend's 400 names the field.
 */
function actorRef(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return value;
  }
}

/** The status and actor filters of the execution history. */
export function ExecutionHistoryFilterBar(props: {
  value: ExecutionHistoryFilters;
  onChange: (value: ExecutionHistoryFilters) => void;
}) {
  const { value, onChange } = props;
  const { t } = useTranslationRef(runbooksTranslationRef);
  const [actorText, setActorText] = useState(value.actor ?? '');
  useEffect(() => setActorText(value.actor ?? ''), [value.actor]);
  const applyActor = () => {
    const actor = actorRef(actorText);
    if (actor !== value.actor) onChange({ ...value, actor });
  };

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
      <TextField
        select
        size="small"
        label={t('execution.history.filterStatus')}
        value={value.status ?? ''}
        onChange={e =>
          onChange({
            ...value,
            status: (e.target.value || undefined) as
              | ExecutionStatus
              | undefined,
          })
        }
        sx={{ minWidth: 180 }}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
      >
        <MenuItem value="">{t('execution.history.filterAnyStatus')}</MenuItem>
        {STATUSES.map(status => (
          <MenuItem key={status} value={status}>
            {t(`execution.status.${status}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        label={t('execution.history.filterActor')}
        helperText={t('execution.history.filterActorHelp')}
        value={actorText}
        onChange={e => setActorText(e.target.value)}
        onBlur={applyActor}
        onKeyDown={e => {
          if (e.key === 'Enter') applyActor();
        }}
        sx={{ minWidth: 280 }}
      />
    </Stack>
  );
}
