import {
  CodeSnippet,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import {
  comparisonSymbol,
  type RunbookAction,
  type RunbookEntity,
} from '@unyo/plugin-ops-common';
import { Fragment, ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stringify } from 'yaml';
import { YAML_OPTIONS } from '../../../constants';
import { runbooksApiRef, RunbookTargetsStatus } from '../../../api';
import { runbooksTranslationRef } from '../../../translation';
import { useActionRunner } from '../../../hooks/useActionRunner';
import { RunActionButton } from '../../actions/RunActionButton';

function Row(props: { label: string; children: ReactNode }) {
  return (
    <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
      <strong>{props.label}: </strong>
      {props.children}
    </Typography>
  );
}

function Action(props: {
  action: RunbookAction;
  targets?: RunbookTargetsStatus;
  canExecute?: boolean;
  onRun: () => void;
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { action, targets } = props;
  const hasParameters =
    action.parameters && Object.keys(action.parameters).length > 0;
  return (
    <Box sx={{ py: 2 }} aria-label={action.title}>
      <Box
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}
      >
        <Typography variant="subtitle1" component="h4">
          {action.title}
        </Typography>
        {action.titleJa && (
          <Typography color="text.secondary">{action.titleJa}</Typography>
        )}
        <Chip size="small" variant="outlined" label={action.id} />
        <Chip size="small" color="primary" label={action.type} />
        {action.destructive && (
          <Chip
            size="small"
            color="error"
            label={t('actionsCard.destructive')}
          />
        )}
        <Box sx={{ flexGrow: 1 }} />
        <RunActionButton
          action={action}
          canExecute={props.canExecute}
          onRun={props.onRun}
        />
      </Box>
      {action.description && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {action.description}
        </Typography>
      )}
      {action.target && (
        <Row label={t('actionsCard.target')}>
          <code>{action.target}</code>
          {targets?.configured && !targets.targets.includes(action.target) && (
            <Typography
              component="span"
              variant="body2"
              color="warning.main"
              sx={{ ml: 1 }}
            >
              {t('actionsCard.targetNotConfigured', {
                target: action.target,
                configKey: targets.configKey,
              })}
            </Typography>
          )}
        </Row>
      )}
      {action.request && (
        <Row label={t('actionsCard.request')}>
          <code>
            {action.request.method} {action.request.path}
          </code>
        </Row>
      )}
      {action.query && (
        <Row label={t('actionsCard.query')}>
          <code>{action.query}</code>
        </Row>
      )}
      {action.expect && (
        <Row label={t('actionsCard.expect')}>
          <code>
            {comparisonSymbol(action.expect.op)} {action.expect.value}
          </code>
        </Row>
      )}
      {action.server && (
        <Row label={t('actionsCard.server')}>
          <code>{action.server}</code>
        </Row>
      )}
      {action.durationMinutes !== undefined && (
        <Row label={t('actionsCard.duration')}>
          {t('actionsCard.durationMinutes', {
            minutes: String(action.durationMinutes),
          })}
        </Row>
      )}
      {action.timeoutSeconds !== undefined && (
        <Row label={t('actionsCard.timeout')}>
          {t('actionsCard.timeoutSeconds', {
            seconds: String(action.timeoutSeconds),
          })}
        </Row>
      )}
      <Row label={t('actionsCard.parameters')}>
        {hasParameters ? null : t('actionsCard.noParameters')}
      </Row>
      {hasParameters && (
        <CodeSnippet
          text={stringify(action.parameters, YAML_OPTIONS)}
          language="yaml"
        />
      )}
    </Box>
  );
}

function TargetsNotice(props: {
  value?: RunbookTargetsStatus;
  loading: boolean;
  error?: Error;
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { value, loading, error } = props;
  if (loading) return <Progress />;
  if (error || !value) {
    return (
      <WarningPanel
        severity="warning"
        title={t('actionsCard.statusUnreachableTitle')}
        message={t('actionsCard.statusUnreachable', {
          message: error?.message ?? '',
        })}
      />
    );
  }
  return (
    <Alert severity={value.configured ? 'info' : 'warning'} variant="outlined">
      {value.configured
        ? t('actionsCard.targetsConfigured', {
            targets: value.targets.join(', '),
          })
        : t('actionsCard.targetsMissing', { configKey: value.configKey })}
    </Alert>
  );
}

/**
 * The runbook's executable actions: type, target or query, whether they are
 * destructive and their parameters, each with a Run button (disabled with a
 * tooltip when the user may not run them) that opens the action runner.
 *
 * @public
 */
export function RunbookActionsCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity<RunbookEntity>();
  const runbooksApi = useApi(runbooksApiRef);
  const targets = useAsync(() => runbooksApi.getTargetsStatus(), [runbooksApi]);
  const { canExecute, run, runner } = useActionRunner();
  const actions = Array.isArray(entity.spec?.actions)
    ? entity.spec.actions
    : [];
  return (
    <InfoCard title={t('actionsCard.title')}>
      <TargetsNotice {...targets} />
      {actions.length === 0 ? (
        <Typography variant="body2" sx={{ mt: 2 }}>
          {t('actionsCard.empty')}
        </Typography>
      ) : (
        actions.map((action, index) => (
          <Fragment key={action.id ?? index}>
            {index > 0 && <Divider />}
            <Action
              action={action}
              targets={targets.value}
              canExecute={canExecute}
              onRun={() => run(action)}
            />
          </Fragment>
        ))
      )}
      {runner}
    </InfoCard>
  );
}
