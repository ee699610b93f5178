import {
  CompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import { InfoCard, MarkdownContent } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import type { RunbookEntity } from '@unyo/plugin-ops-common';
import { ReactNode } from 'react';
import { RELATION_RUNBOOK_FOR } from '../../../constants';
import { useRunbookContext } from '../../../hooks/useRunbookContext';
import { runbooksTranslationRef } from '../../../translation';
import { SeverityChip } from '@unyo/plugin-ops-react';

// Before the catalog has processed the entity its relations are empty; the
// spec names the same entities.
function refsFromSpec(
  values: unknown,
  defaultKind: string,
  namespace: string,
): CompoundEntityRef[] {
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

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="overline" component="h4" color="text.secondary">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

function Alerts(props: {
  alerts: string[];
  firing?: string[];
  entityRef?: string;
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { alerts, firing, entityRef } = props;
  if (alerts.length === 0) return <>{t('aboutCard.noAlerts')}</>;
  return (
    <Box
      component="ul"
      aria-label={t('aboutCard.alerts')}
      sx={{ listStyle: 'none', p: 0, m: 0 }}
    >
      {alerts.map(alert => {
        const isFiring = !!entityRef && !!firing?.includes(alert);
        return (
          <Box
            component="li"
            key={alert}
            aria-label={alert}
            data-firing={isFiring}
            sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}
          >
            <code>{alert}</code>
            {isFiring && (
              <Tooltip title={t('aboutCard.firingOn', { entity: entityRef })}>
                <Chip
                  size="small"
                  color="error"
                  icon={<NotificationsActiveIcon />}
                  label={t('aboutCard.firing')}
                />
              </Tooltip>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

/**
 * What a runbook is about: severity, owner, the services it applies to
 * (links), the alerts it answers (marked when one fires now on the entity
 * the page was opened from, `?entity=`) and its description.
 *
 * @public
 */
export function RunbookAboutCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity<RunbookEntity>();
  const { pageEntityRef, firingAlerts, error } = useRunbookContext();
  const spec = (entity.spec ?? {}) as Partial<RunbookEntity['spec']>;
  const namespace = entity.metadata.namespace ?? 'default';
  const alerts = Array.isArray(spec.alerts) ? spec.alerts.map(String) : [];

  const owners = getEntityRelations(entity, RELATION_OWNED_BY);
  const ownerRefs = owners.length
    ? owners
    : refsFromSpec(spec.owner ? [spec.owner] : [], 'group', namespace);
  const targets = getEntityRelations(entity, RELATION_RUNBOOK_FOR);
  const targetRefs = targets.length
    ? targets
    : refsFromSpec(spec.appliesTo, 'component', namespace);

  return (
    <InfoCard title={t('aboutCard.title')} subheader={spec.titleJa}>
      <Stack spacing={1.5}>
        <Fact label={t('severity.label')}>
          {spec.severity ? (
            <SeverityChip severity={spec.severity} />
          ) : (
            t('aboutCard.none')
          )}
        </Fact>
        <Fact label={t('aboutCard.owner')}>
          {ownerRefs.length ? (
            <EntityRefLinks entityRefs={ownerRefs} defaultKind="group" />
          ) : (
            t('aboutCard.none')
          )}
        </Fact>
        <Fact label={t('aboutCard.appliesTo')}>
          {targetRefs.length ? (
            <EntityRefLinks entityRefs={targetRefs} defaultKind="component" />
          ) : (
            t('aboutCard.none')
          )}
        </Fact>
        <Fact label={t('aboutCard.alerts')}>
          <Alerts
            alerts={alerts}
            firing={firingAlerts}
            entityRef={pageEntityRef}
          />
          {pageEntityRef && error && alerts.length > 0 && (
            <Alert severity="warning" variant="outlined" sx={{ mt: 1 }}>
              {t('aboutCard.firingUnknown', { message: error.message })}
            </Alert>
          )}
        </Fact>
        {spec.description && (
          <Fact label={t('aboutCard.description')}>
            <MarkdownContent content={spec.description} />
          </Fact>
        )}
      </Stack>
    </InfoCard>
  );
}
