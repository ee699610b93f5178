import {
  CodeSnippet,
  InfoCard,
  MarkdownContent,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type {
  RunbookAction,
  RunbookEntity,
  RunbookStep,
} from '@unyo/plugin-ops-common';
import { useActionRunner } from '../../../hooks/useActionRunner';
import { runbooksTranslationRef } from '../../../translation';
import { RunActionButton } from '../../actions/RunActionButton';

function Step(props: {
  index: number;
  step: RunbookStep;
  actions: RunbookAction[];
  canExecute?: boolean;
  onRun: (action: RunbookAction) => void;
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
        <Box
          sx={{
            mt: 1,
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: 1,
          }}
        >
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
              <RunActionButton
                action={action}
                canExecute={props.canExecute}
                onRun={() => props.onRun(action)}
              />
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
 * A Runbook's ordered steps: Markdown descriptions, commands with a copy
 * button, and for a step that names an action, a Run button that opens the
 * action runner (the same as the actions card's).
 *
 * @public
 */
export function RunbookStepsCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity<RunbookEntity>();
  const { canExecute, run, runner } = useActionRunner();
  const spec = (entity.spec ?? {}) as Partial<RunbookEntity['spec']>;
  const steps = Array.isArray(spec.steps) ? spec.steps : [];
  const actions = Array.isArray(spec.actions) ? spec.actions : [];

  return (
    <InfoCard title={t('stepsCard.title')}>
      {steps.length === 0 ? (
        <Typography variant="body2">{t('stepsCard.noSteps')}</Typography>
      ) : (
        <Box
          component="ol"
          aria-label={t('stepsCard.title')}
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {steps.map((step, index) => (
            <Step
              key={index}
              index={index}
              step={step}
              actions={actions}
              canExecute={canExecute}
              onRun={run}
            />
          ))}
        </Box>
      )}
      {runner}
    </InfoCard>
  );
}
