import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import { stringify } from 'yaml';
import { YAML_OPTIONS } from '../../constants';
import { runbooksTranslationRef } from '../../translation';

/**
 * The entity's `spec` as YAML, with a copy button.
 *
 * @public
 */
export function RunbookRawSpecCard() {
  const { t } = useTranslationRef(runbooksTranslationRef);
  const { entity } = useEntity();
  const spec = entity.spec;
  return (
    <InfoCard
      title={t('rawSpecCard.title')}
      subheader={t('rawSpecCard.subheader', {
        ref: stringifyEntityRef(entity),
      })}
    >
      {spec && Object.keys(spec).length > 0 ? (
        <CodeSnippet
          text={stringify(spec, YAML_OPTIONS)}
          language="yaml"
          showCopyCodeButton
        />
      ) : (
        <Typography variant="body2">{t('rawSpecCard.empty')}</Typography>
      )}
    </InfoCard>
  );
}
