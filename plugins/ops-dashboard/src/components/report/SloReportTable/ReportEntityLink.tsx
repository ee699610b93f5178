import { Link } from '@backstage/core-components';
import {
  useEntityPresentation,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { memo } from 'react';

/**
 * An entity's name linking to its page, as `EntityRefLink` names it (the
 * catalog's entity presentation), with the full ref as the link's title.
 * Without `EntityRefLink`'s kind icon and tooltip: a report row holds three
 * of these, and each of those adds two styled boxes and a tooltip to draw.
 */
export const ReportEntityLink = memo(function EntityLinkCell(props: {
  entityRef: string;
}) {
  const linkTo = useEntityRefLink();
  const { primaryTitle } = useEntityPresentation(props.entityRef);
  return (
    <Link to={linkTo(props.entityRef)} title={props.entityRef}>
      {primaryTitle}
    </Link>
  );
});
