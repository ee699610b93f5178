import { CodeSnippet, Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ExecutionOutput } from '@unyo/plugin-ops-common';
import { runbooksTranslationRef } from '../../../translation';

type HealthEntry = NonNullable<ExecutionOutput['health']>[number];

function statusColor(status: string) {
  const s = status.toLocaleLowerCase('en-US');
  if (['up', 'ok', 'pass', 'healthy', 'connected'].includes(s))
    return 'success';
  if (['degraded', 'warn', 'warning'].includes(s)) return 'warning';
  if (['down', 'fail', 'error', 'unhealthy'].includes(s)) return 'error';
  return 'default';
}

function Health(props: { entry: HealthEntry }) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entry } = props;
  const checks = Array.isArray(entry.checks) ? entry.checks : [];
  return (
    <ListItem
      aria-label={entry.url}
      disableGutters
      sx={{ display: 'block', py: 0.5 }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2" component="code">
          {entry.url}
        </Typography>
        <Chip
          size="small"
          label={entry.status}
          color={statusColor(entry.status)}
        />
        {entry.latencyMs !== null && entry.latencyMs !== undefined && (
          <Typography variant="body2" color="text.secondary">
            {t('execution.output.latency', { ms: String(entry.latencyMs) })}
          </Typography>
        )}
      </Box>
      {entry.message && (
        <Typography variant="body2" color="text.secondary">
          {entry.message}
        </Typography>
      )}
      {checks.length > 0 && (
        <List
          dense
          disablePadding
          aria-label={t('execution.output.checks', { url: entry.url })}
          sx={{ pl: 2 }}
        >
          {checks.map(check => (
            <ListItem key={check.name} disableGutters sx={{ py: 0 }}>
              <Typography variant="body2" component="span">
                <code>
                  {check.name}: {check.status}
                </code>
                {check.detail && (
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ ml: 1 }}
                  >
                    {check.detail}
                  </Typography>
                )}
              </Typography>
            </ListItem>
          ))}
        </List>
      )}
    </ListItem>
  );
}

/**
 * What an action produced: the HTTP answer, the query's value against its
 * expectation, the probed health endpoints, the silences created, or why it
 * failed.
 */
export function ExecutionOutputView(props: {
  output: ExecutionOutput | null | undefined;
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { output } = props;
  if (!output) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('execution.output.none')}
      </Typography>
    );
  }
  const health = Array.isArray(output.health) ? output.health : [];
  return (
    <Stack spacing={1} aria-label={t('execution.output.title')}>
      {output.summary && (
        <Typography variant="body2">{output.summary}</Typography>
      )}
      {output.error && (
        <Alert severity="error">
          {t('execution.output.error', { message: output.error })}
        </Alert>
      )}
      {output.httpStatus !== undefined && (
        <Typography variant="body2">
          {t('execution.output.httpStatus', {
            status: String(output.httpStatus),
          })}
        </Typography>
      )}
      {(output.runId || output.runUrl) && (
        <Typography variant="body2">
          {output.runId && t('execution.output.run', { id: output.runId })}{' '}
          {output.runUrl && (
            <Link to={output.runUrl}>{t('execution.output.openRun')}</Link>
          )}
        </Typography>
      )}
      {output.body !== undefined && (
        <Box>
          <Typography variant="caption" color="text.secondary">
            {t('execution.output.body')}
          </Typography>
          <CodeSnippet
            text={
              typeof output.body === 'string'
                ? output.body
                : JSON.stringify(output.body, null, 2)
            }
            language={typeof output.body === 'string' ? 'text' : 'json'}
          />
        </Box>
      )}
      {output.expectation !== undefined && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="body2">
            {output.value === null || output.value === undefined
              ? t('execution.output.noValue')
              : t('execution.output.value', { value: String(output.value) })}
          </Typography>
          <Typography variant="body2">
            {t('execution.output.expectation', {
              expectation: output.expectation,
            })}
          </Typography>
          {output.passed !== undefined && (
            <Chip
              size="small"
              color={output.passed ? 'success' : 'error'}
              label={
                output.passed
                  ? t('execution.output.passed')
                  : t('execution.output.notPassed')
              }
            />
          )}
        </Box>
      )}
      {health.length > 0 && (
        <List dense disablePadding aria-label={t('execution.output.health')}>
          {health.map(entry => (
            <Health key={entry.url} entry={entry} />
          ))}
        </List>
      )}
      {output.silenceIds && output.silenceIds.length > 0 && (
        <Typography variant="body2">
          {t('execution.output.silences', {
            ids: output.silenceIds.join(', '),
          })}
        </Typography>
      )}
    </Stack>
  );
}
