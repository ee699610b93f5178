import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';
import {
  RelatedEntity,
  useRelatedEntities,
} from '../../../hooks/useRelatedEntities';

export interface RelatedSectionProps {
  entity: Entity;
  relation: string;
  title: string;
  emptyText: string;
  renderItems: (items: RelatedEntity[]) => ReactNode;
  notice: ReactNode;
}

/** A card listing the entities at the other end of one relation type. */
export function RelatedSection(props: RelatedSectionProps) {
  const { value, loading, error } = useRelatedEntities(
    props.entity,
    props.relation,
  );
  let body: ReactNode;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value || value.length === 0) {
    body = <Typography variant="body2">{props.emptyText}</Typography>;
  } else {
    body = props.renderItems(value);
  }
  return (
    <InfoCard title={props.title}>
      {body}
      {props.notice}
    </InfoCard>
  );
}
