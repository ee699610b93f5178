import { parseEntityRef, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  CodeSnippet,
  InfoCard,
  MarkdownContent,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  RunbookAction,
  RunbookEntity,
  RunbookStep,
} from '@unyo/plugin-ops-common';
import { RELATION_RUNBOOK_FOR } from '../../constants';
import { runbooksTranslationRef } from '../../translation';
import { SeverityChip } from '../SeverityChip';

function refsFromSpec(values: unknown, defaultKind: string, namespace: string) {
  if (!Array.isArray(values)) return [];
  return values.flatMap(value => {
    try {
      return [
        parseEntityRef(String(value), {
          defaultKind,
          defaultNamespace: namespace,
        }),
      ];
    } catch {
      return [];
    }
  });
}

function Step(props: {
  index: number;
  step: RunbookStep;
  actions: RunbookAction[];
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { step, index } = props;
  const action = step.action
    ? props.actions.find(a => a.id === step.action)
    : undefined;
  return (
    <Box component="li" sx={{ mb: 3 }} aria-label={step.title}>
      <Typography variant="h6" component="h4" sx={{ fontSize: '1rem' }}>
        {index + 1}. {step.title}
        {step.titleJa && (
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {step.titleJa}
          </Typography>
        )}
      </Typography>
      {step.description && <MarkdownContent content={step.description} />}
      {step.run && (
        <Box sx={{ mt: 1 }}>
          <CodeSnippet
            text={step.run}
            language={step.language ?? 'bash'}
            showCopyCodeButton
          />
          <Typography variant="caption" color="text.secondary">
            {t('stepsCard.language', { language: step.language ?? 'bash' })}
          </Typography>
        </Box>
      )}
      {step.action && (
        <Box sx={{ mt: 1 }}>
          {action ? (
            <>
              <Chip
                size="small"
                color="primary"
                variant="outlined"
                label={t('stepsCard.action', {
                  title: action.titleJa
                    ? `${action.title} / ${action.titleJa}`
                    : action.title,
                  type: action.type,
                })}
              />
              <Typography
                variant="caption"
                component="div"
                color="text.secondary"
              >
                {t('stepsCard.actionNote')}
              </Typography>
            </>
          ) : (
            <Typography variant="body2" color="error">
              {t('stepsCard.actionMissing', { id: step.action })}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}

/**
 * A Runbook entity's page content: severity, owner, the entities it applies
 * to, the alerts it answers and its ordered steps with copyable commands.
 *
 * @public
 */
export function RunbookStepsCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity<RunbookEntity>();
  const spec = (entity.spec ?? {}) as Partial<RunbookEntity['spec']>;
  const namespace = entity.metadata.namespace ?? 'default';
  const steps = Array.isArray(spec.steps) ? spec.steps : [];
  const actions = Array.isArray(spec.actions) ? spec.actions : [];
  const alerts = Array.isArray(spec.alerts) ? spec.alerts : [];

  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const ownerRefs = owners.length
    ? owners
    : refsFromSpec(spec.owner ? [spec.owner] : [], 'group', namespace);
  const targets = getEntityRelations(entity, RELATION_RUNBOOK_FOR);
  const targetRefs = targets.length
    ? targets
    : refsFromSpec(spec.appliesTo, 'component', namespace);

  return (
    <InfoCard
      title={entity.metadata.title ?? entity.metadata.name}
      subheader={spec.titleJa}
      action={<SeverityChip severity={spec.severity} />}
    >
      <Stack spacing={1.5} sx={{ mb: 2 }}>
        <Typography variant="body2" component="div">
          <strong>{t('stepsCard.owner')}: </strong>
          <EntityRefLinks entityRefs={ownerRefs} defaultKind="group" />
        </Typography>
        <Typography variant="body2" component="div">
          <strong>{t('stepsCard.appliesTo')}: </strong>
          <EntityRefLinks entityRefs={targetRefs} defaultKind="component" />
        </Typography>
        <Box>
          <Typography
            variant="body2"
            component="strong"
            sx={{ fontWeight: 'bold' }}
          >
            {t('stepsCard.alerts')}:{' '}
          </Typography>
          {alerts.length ? (
            alerts.map(alert => (
              <Chip key={alert} size="small" label={alert} sx={{ mr: 0.5 }} />
            ))
          ) : (
            <Typography variant="body2" component="span">
              {t('stepsCard.noAlerts')}
            </Typography>
          )}
        </Box>
        {spec.description && <MarkdownContent content={spec.description} />}
      </Stack>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {t('stepsCard.steps')}
      </Typography>
      {steps.length === 0 ? (
        <Typography variant="body2">{t('stepsCard.noSteps')}</Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {steps.map((step, index) => (
            <Step key={index} index={index} step={step} actions={actions} />
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
