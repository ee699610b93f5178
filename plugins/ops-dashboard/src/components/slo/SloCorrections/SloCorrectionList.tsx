import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { SloCorrection } from '@unyo/plugin-ops-common';
import { useMemo, useState } from 'react';
import { opsApiRef } from '../../../api';
import { opsDashboardTranslationRef } from '../../../translation';
import { SloCorrectionDialog } from './SloCorrectionDialog';

/** @public */
export interface SloCorrectionListProps {
  namespace: string;
  name: string;
  corrections: SloCorrection[];
  /** Told after a correction is added or deleted, to reload. */
  onChange(): void;
}

/**
 * An SLO's error-budget corrections with their category and reason, and
 * buttons to add and delete them (refused by the backend without
 * `ops.slo.correct`, with its message).
 *
 * @public
 */
export function SloCorrectionList(props: SloCorrectionListProps) {
  const { namespace, name, corrections, onChange } = props;
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const opsApi = useApi(opsApiRef);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string>();
  const format = useMemo(
    () =>
      new Intl.DateTimeFormat(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
    [],
  );
  const span = (c: SloCorrection) => ({
    start: format.format(new Date(c.start)),
    end: format.format(new Date(c.end)),
  });

  const remove = async (c: SloCorrection) => {
    setError(undefined);
    try {
      await opsApi.deleteSloCorrection(namespace, name, c.id);
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Box component="section" aria-label={t('corrections.title')} sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ flexGrow: 1 }}>
          {t('corrections.title')}
        </Typography>
        <Button size="small" variant="outlined" onClick={() => setAdding(true)}>
          {t('corrections.add')}
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {t('corrections.help')}
      </Typography>
      {corrections.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('corrections.empty')}
        </Typography>
      ) : (
        <List dense>
          {corrections.map(c => (
            <ListItem
              key={c.id}
              disableGutters
              secondaryAction={
                <Button
                  size="small"
                  aria-label={t('corrections.deleteLabel', span(c))}
                  onClick={() => remove(c)}
                >
                  {t('corrections.delete')}
                </Button>
              }
            >
              <ListItemText
                primary={
                  <>
                    <Chip
                      size="small"
                      label={t(`corrections.category.${c.category}`)}
                      sx={{ mr: 1 }}
                    />
                    {t('corrections.span', span(c))}
                  </>
                }
                secondary={`${c.reason} — ${t('corrections.by', {
                  user: c.createdBy,
                })}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {error && (
        <Alert severity="error" role="alert">
          {t('corrections.deleteError', { message: error })}
        </Alert>
      )}
      {adding && (
        <SloCorrectionDialog
          namespace={namespace}
          name={name}
          onClose={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            onChange();
          }}
        />
      )}
    </Box>
  );
}
