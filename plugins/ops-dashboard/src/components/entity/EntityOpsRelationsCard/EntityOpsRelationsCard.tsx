import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import { opsDashboardTranslationRef } from '../../../translation';
import { DefinitionList } from '../../common/DefinitionList';

/** Relation types in the order the card lists them. */
const ORDER = [
  'ownedBy',
  'measures',
  'protects',
  'runbookFor',
  'journeyOf',
  'measuredBy',
  'hasJourney',
  'protectedBy',
  'hasRunbook',
  'partOf',
  'hasPart',
  'dependsOn',
  'dependencyOf',
  'ownerOf',
] as const;

type KnownType = (typeof ORDER)[number];

/**
 * The entity's catalog relations (owner, what it measures or protects, …)
 * as links, grouped by relation type.
 *
 * @public
 */
export function EntityOpsRelationsCard() {
  const { t } = useTranslationRef(opsDashboardTranslationRef);
  const { entity } = useEntity();
  const types = Array.from(
    new Set((entity.relations ?? []).map(relation => relation.type)),
  ).sort((a, b) => {
    const ia = ORDER.indexOf(a as KnownType);
    const ib = ORDER.indexOf(b as KnownType);
    return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib);
  });

  const label = (type: string): string =>
    ORDER.includes(type as KnownType)
      ? t(`relationsCard.types.${type as KnownType}`)
      : type;

  return (
    <InfoCard title={t('relationsCard.title')}>
      {types.length === 0 ? (
        <Typography variant="body2">{t('relationsCard.empty')}</Typography>
      ) : (
        <DefinitionList
          items={types.map(type => ({
            label: label(type),
            value: (
              <EntityRefLinks
                entityRefs={getEntityRelations(entity, type)}
                defaultKind="component"
              />
            ),
          }))}
        />
      )}
    </InfoCard>
  );
}
