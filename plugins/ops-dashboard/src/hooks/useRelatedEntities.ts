import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  catalogApiRef,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

export interface RelatedEntity {
  ref: CompoundEntityRef;
  refString: string;
  /** The entity as the catalog has it; undefined when it is not there. */
  entity?: Entity;
}

/** Loads the entities at the other end of one relation type of an entity. */
export function useRelatedEntities(entity: Entity, relationType: string) {
  const catalogApi = useApi(catalogApiRef);
  const refs = getEntityRelations(entity, relationType);
  const key = refs.map(ref => stringifyEntityRef(ref)).join(',');
  return useAsync(async (): Promise<RelatedEntity[]> => {
    if (refs.length === 0) return [];
    const entityRefs = refs.map(ref => stringifyEntityRef(ref));
    const { items } = await catalogApi.getEntitiesByRefs({ entityRefs });
    return refs.map((ref, index) => ({
      ref,
      refString: entityRefs[index],
      entity: items[index],
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);
}
