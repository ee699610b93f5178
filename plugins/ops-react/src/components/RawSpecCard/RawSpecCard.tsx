import { stringifyEntityRef } from '@backstage/catalog-model';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import { stringify } from 'yaml';

/**
 * How a spec is written as YAML: lists at their key's indentation (as kubectl
 * writes them), no line folding, and no anchors for repeated values.
 *
 * @public
 */
export const SPEC_YAML_OPTIONS = {
  indentSeq: false,
  lineWidth: 0,
  aliasDuplicateObjects: false,
} as const;

/**
 * The texts of {@link RawSpecCard}, translated by the plugin that shows it.
 *
 * @public
 */
export interface RawSpecCardProps {
  title: string;
  /** Under the title, given the entity's ref, e.g. which entity the spec is of. */
  subheader?: (entityRef: string) => string;
  /** Shown instead of the snippet when the entity has no spec. */
  emptyText: string;
}

/**
 * The current entity's `spec` as YAML, with a copy button.
 *
 * @public
 */
export function RawSpecCard(props: RawSpecCardProps) {
  const { entity } = useEntity();
  const spec = entity.spec;
  return (
    <InfoCard
      title={props.title}
      subheader={props.subheader?.(stringifyEntityRef(entity))}
    >
      {spec && Object.keys(spec).length > 0 ? (
        <CodeSnippet
          text={stringify(spec, SPEC_YAML_OPTIONS)}
          language="yaml"
          showCopyCodeButton
        />
      ) : (
        <Typography variant="body2">{props.emptyText}</Typography>
      )}
    </InfoCard>
  );
}
