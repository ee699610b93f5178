import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  entityRouteRef,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Chip from '@mui/material/Chip';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RunbookSummary } from '@unyo/plugin-ops-common';
import useAsync from 'react-use/esm/useAsync';
import { runbooksApiRef } from '../../../api';
import { ENTITY_QUERY_PARAM, RELATION_HAS_RUNBOOK } from '../../../constants';
import { orderRunbooks } from '../../../lib/orderRunbooks';
import { runbooksTranslationRef } from '../../../translation';
import { OpsTable, SeverityChip } from '@unyo/plugin-ops-react';

function RunbookRow(props: {
  ref_: CompoundEntityRef;
  runbook?: Entity;
  summary?: RunbookSummary;
  fromEntityRef: string;
}) {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const { ref_, runbook, summary, fromEntityRef } = props;
  const spec = runbook?.spec ?? {};
  const alerts = Array.isArray(spec.alerts)
    ? (spec.alerts as string[])
    : summary?.alerts ?? [];
  const firing = summary?.firingAlerts ?? [];
  const severity =
    typeof spec.severity === 'string' ? spec.severity : summary?.severity;
  const title =
    runbook?.metadata.title ??
    summary?.title ??
    runbook?.metadata.name ??
    ref_.name;
  const path = entityRoute?.({
    kind: ref_.kind.toLocaleLowerCase('en-US'),
    namespace: ref_.namespace,
    name: ref_.name,
  });
  // The runbook page runs entity actions (health-check, silences) for the
  // entity it was opened from.
  const to = path
    ? `${path}?${ENTITY_QUERY_PARAM}=${encodeURIComponent(fromEntityRef)}`
    : undefined;
  return (
    <TableRow>
      <TableCell>
        {to ? <Link to={to}>{title}</Link> : title}
        {typeof spec.titleJa === 'string' && (
          <Typography variant="caption" component="div" color="text.secondary">
            {spec.titleJa}
          </Typography>
        )}
        {!runbook && (
          <Typography variant="caption" component="div" color="text.secondary">
            ({t('entityRunbooksCard.notInCatalog')})
          </Typography>
        )}
        {firing.length > 0 && (
          <Typography variant="caption" component="div" color="error">
            {t('entityRunbooksCard.firing', { alerts: firing.join(', ') })}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <SeverityChip severity={severity} />
      </TableCell>
      <TableCell>
        {alerts.map(alert => (
          <Chip
            key={alert}
            size="small"
            variant={firing.includes(alert) ? 'filled' : 'outlined'}
            color={firing.includes(alert) ? 'error' : 'default'}
            label={alert}
            sx={{ mr: 0.5, mb: 0.5 }}
          />
        ))}
      </TableCell>
      <TableCell>
        {Array.isArray(spec.steps) ? spec.steps.length : '—'}
      </TableCell>
    </TableRow>
  );
}

/**
 * The runbooks that apply to the entity, those answering its firing alerts
 * first (from `GET /api/ops/runbooks`), with severity and alerts, linking to
 * the runbook pages. When the ops backend cannot be read it says so and lists
 * the runbooks of the catalog (`hasRunbook`).
 *
 * @public
 */
export function EntityRunbooksCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const runbooksApi = useApi(runbooksApiRef);
  const entityRef = stringifyEntityRef(entity);
  const relationRefs = getEntityRelations(entity, RELATION_HAS_RUNBOOK).map(
    ref => stringifyEntityRef(ref),
  );
  const key = relationRefs.join(',');

  // One load: the backend's order (firing first) decides which catalog
  // entities to read; its failure only loses the firing alerts.
  const { value, loading, error } = useAsync(async () => {
    let summaries: RunbookSummary[] = [];
    let summaryError: Error | undefined;
    try {
      summaries = (await runbooksApi.getRunbooks(entityRef)).items;
    } catch (e) {
      summaryError = e as Error;
    }
    const rows = orderRunbooks(relationRefs, summaries);
    const entities = new Map<string, Entity>();
    if (rows.length > 0) {
      const { items } = await catalogApi.getEntitiesByRefs({
        entityRefs: rows.map(r => r.ref),
      });
      for (const item of items) {
        if (item) entities.set(stringifyEntityRef(item), item);
      }
    }
    return { rows, entities, summaryError };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runbooksApi, catalogApi, entityRef, key]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error || !value) {
    body = <ResponseErrorPanel error={error ?? new Error('no answer')} />;
  } else if (value.rows.length === 0) {
    body = (
      <Typography variant="body2">{t('entityRunbooksCard.empty')}</Typography>
    );
  } else {
    body = (
      <OpsTable>
        <TableHead>
          <TableRow>
            <TableCell>{t('entityRunbooksCard.runbook')}</TableCell>
            <TableCell>{t('severity.label')}</TableCell>
            <TableCell>{t('entityRunbooksCard.alerts')}</TableCell>
            <TableCell>{t('entityRunbooksCard.steps')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.rows.map(({ ref, summary }) => (
            <RunbookRow
              key={ref}
              ref_={parseEntityRef(ref)}
              runbook={value.entities.get(ref)}
              summary={summary}
              fromEntityRef={entityRef}
            />
          ))}
        </TableBody>
      </OpsTable>
    );
  }
  return (
    <InfoCard title={t('entityRunbooksCard.title')}>
      {value?.summaryError && (
        <WarningPanel
          severity="warning"
          title={t('entityRunbooksCard.summaryError', {
            message: value.summaryError.message,
          })}
        />
      )}
      {body}
    </InfoCard>
  );
}
