import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import { SloReport } from '../SloReportPage';

/**
 * The SLO report of a Group (the SLOs of what it owns) or a System (the
 * SLOs of its parts), for the entity page.
 *
 * @public
 */
export function SloReportEntityContent() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const scope = useMemo(
    () =>
      entity.kind.toLocaleLowerCase('en-US') === 'group'
        ? { owner: ref }
        : { system: ref },
    [entity.kind, ref],
  );
  return <SloReport scope={scope} />;
}
