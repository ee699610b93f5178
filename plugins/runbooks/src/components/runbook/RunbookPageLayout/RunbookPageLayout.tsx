import type { AlphaEntity } from '@backstage/catalog-model/alpha';
import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import { Fragment } from 'react';
import { runbooksTranslationRef } from '../../../translation';

const ORPHAN_ANNOTATION = 'backstage.io/orphan';
const PROCESSING_STATUS_TYPE = 'backstage.io/catalog-processing';

// The warnings of the catalog's default layout, which this layout replaces:
// an invalid runbook spec must not go unnoticed.
function CatalogWarnings() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity<AlphaEntity>();
  const errors = (entity.status?.items ?? []).filter(
    item =>
      item.error &&
      item.level === 'error' &&
      item.type === PROCESSING_STATUS_TYPE,
  );
  const orphan = entity.metadata.annotations?.[ORPHAN_ANNOTATION] === 'true';
  return (
    <>
      {orphan && <WarningPanel severity="warning" title={t('layout.orphan')} />}
      {errors.map((item, index) => (
        <WarningPanel
          key={index}
          severity="error"
          title={t('layout.processingError')}
          message={`${item.error!.name}: ${item.error!.message}`}
        />
      ))}
    </>
  );
}

/**
 * A card of the Runbook overview page: its element and, from
 * `EntityCardBlueprint`, its type.
 *
 * @public
 */
export interface RunbookPageCard {
  type?: 'info' | 'content' | string;
  element: JSX.Element;
}

/**
 * The Runbook overview page: the "info" cards (about, links, the catalog's
 * About card) side by side in a row on top, then every other card stacked at
 * the page's full width. The catalog's default layout puts info cards in a
 * column beside the content, which leaves the execution history too narrow.
 *
 * @public
 */
export function RunbookPageLayout(props: { cards: RunbookPageCard[] }) {
  const info = props.cards.filter(card => card.type === 'info');
  const content = props.cards.filter(card => card.type !== 'info');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      <CatalogWarnings />
      {info.length > 0 && (
        <Box
          data-testid="runbook-info-cards"
          sx={{
            display: 'grid',
            gap: 3,
            alignItems: 'start',
            gridTemplateColumns: {
              xs: 'minmax(0, 1fr)',
              md: 'repeat(auto-fit, minmax(320px, 1fr))',
            },
          }}
        >
          {info.map((card, index) => (
            <Fragment key={card.element.key ?? index}>{card.element}</Fragment>
          ))}
        </Box>
      )}
      {content.map((card, index) => (
        <Box key={card.element.key ?? index} sx={{ minWidth: 0 }}>
          {card.element}
        </Box>
      ))}
    </Box>
  );
}
