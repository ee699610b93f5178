import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { SloStatus } from '@unyo/plugin-ops-common';
import { Fragment, ReactNode } from 'react';
import { RELATION_MEASURED_BY } from '../../../constants';
import { useOpsFormatters } from '../../../hooks/useOpsFormatters';
import { useOpsStatus } from '../../../hooks/useOpsStatus';
import {
  RelatedEntity,
  useRelatedEntities,
} from '../../../hooks/useRelatedEntities';
import { useSloStatuses } from '../../../hooks/useSloStatuses';
import { readSloTimeWindow } from '../../../lib/slo';
import { opsDashboardTranslationRef } from '../../../translation';
import { OpsStatusNotice } from '../../common/OpsStatusNotice';
import { SloStatusFigures } from '../SloStatusFigures';
import { SloTable } from '../SloTable';

/** @public */
export interface SloStatusListProps {
  entity: Entity;
  title: string;
  emptyText: string;
}

const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

function entityTitle(entity?: Entity): string | undefined {
  if (!entity) return undefined;
  return (
    (entity.metadata.title as string | undefined) ??
    (entity.metadata.displayName as string | undefined)
  );
}

function Heading(props: { status: SloStatus; entity?: Entity }) {
  const { formatWindow } = useOpsFormatters();
  const { status, entity } = props;
  const title = status.title ?? entityTitle(entity);
  const window = entity ? readSloTimeWindow(entity.spec) : undefined;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        <EntityRefLink entityRef={status.ref} defaultKind="slo">
          {title}
        </EntityRefLink>
      </Typography>
      {window && (
        <Typography variant="caption" color="text.secondary">
          {formatWindow(window)}
        </Typography>
      )}
    </Box>
  );
}

function LiveList(props: { statuses: SloStatus[]; declared: RelatedEntity[] }) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const byRef = new Map(props.declared.map(d => [refKey(d.refString), d]));
  const live = new Set(props.statuses.map(s => refKey(s.ref)));
  const declaredOnly = props.declared.filter(
    d => !live.has(refKey(d.refString)),
  );
  return (
    <>
      {props.statuses.map((status, index) => (
        <Fragment key={status.ref}>
          {index > 0 && <Divider sx={{ my: 2 }} />}
          <SloStatusFigures
            status={status}
            heading={
              <Heading
                status={status}
                entity={byRef.get(refKey(status.ref))?.entity}
              />
            }
          />
        </Fragment>
      ))}
      {declaredOnly.length > 0 && (
        <Box sx={{ mt: props.statuses.length ? 3 : 0 }}>
          {props.statuses.length > 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('sloStatus.declaredOnly')}
            </Typography>
          )}
          <SloTable items={declaredOnly} />
        </Box>
      )}
    </>
  );
}

/**
 * The SLOs that measure an entity with their live status from the ops
 * backend; SLOs the catalog declares but the backend does not return stay
 * listed with what the catalog declares. Without Prometheus configured, or
 * when the backend fails, it shows the catalog's SLOs and says why.
 *
 * @public
 */
export function SloStatusList(props: SloStatusListProps) {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const entityRef = stringifyEntityRef(props.entity);
  const related = useRelatedEntities(props.entity, RELATION_MEASURED_BY);
  const opsStatus = useOpsStatus();
  const live = useSloStatuses(entityRef);

  const configured = opsStatus.value?.sources.prometheus.configured === true;
  const declared = related.value ?? [];

  let body: ReactNode;
  if (
    related.loading ||
    opsStatus.loading ||
    (configured && live.loading && !live.value && !live.error)
  ) {
    body = <Progress />;
  } else if (related.error) {
    body = <ResponseErrorPanel error={related.error} />;
  } else if (configured && live.value && live.value.length > 0) {
    body = <LiveList statuses={live.value} declared={declared} />;
  } else {
    body = (
      <>
        {declared.length === 0 && (
          <Typography variant="body2">{props.emptyText}</Typography>
        )}
        {declared.length > 0 && configured && live.value && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('sloStatus.declaredOnly')}
          </Typography>
        )}
        {declared.length > 0 && <SloTable items={declared} />}
        {configured && live.error && (
          <Alert severity="warning" variant="outlined" sx={{ mt: 2 }}>
            {t('status.sloUnavailable', { message: live.error.message })}
          </Alert>
        )}
        {!configured && <OpsStatusNotice capability="slo" />}
      </>
    );
  }
  return <InfoCard title={props.title}>{body}</InfoCard>;
}
