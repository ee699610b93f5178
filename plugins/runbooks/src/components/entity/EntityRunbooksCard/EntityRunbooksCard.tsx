import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import type { RunbookSummary } from '@unyo/plugin-ops-common';
import useAsync from 'react-use/esm/useAsync';
import { runbooksApiRef } from '../../../api';
import { ENTITY_QUERY_PARAM, RELATION_HAS_RUNBOOK } from '../../../constants';
import { orderRunbooks } from '../../../lib/orderRunbooks';
import { runbooksTranslationRef } from '../../../translation';
import { RunbookTable } from '@unyo/plugin-ops-react';

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
      <RunbookTable
        rows={value.rows.map(({ ref, summary }) => ({
          ref,
          runbook: value.entities.get(ref),
          summary,
        }))}
        columns={{
          runbook: t('entityRunbooksCard.runbook'),
          severity: t('severity.label'),
          alerts: t('entityRunbooksCard.alerts'),
          steps: t('entityRunbooksCard.steps'),
        }}
        notInCatalog={t('entityRunbooksCard.notInCatalog')}
        firing={alerts => t('entityRunbooksCard.firing', { alerts })}
        // The runbook page runs entity actions (health-check, silences) for
        // the entity it was opened from.
        linkSearch={`?${ENTITY_QUERY_PARAM}=${encodeURIComponent(entityRef)}`}
      />
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
