import { createRouteRef } from '@backstage/core-plugin-api';

/** The route of the "Operations" entity content in apps on the old frontend system. */
export const entityContentRouteRef = createRouteRef({
  id: 'ops-dashboard:entity-content',
});

/** The SLO report page in apps on the old frontend system. */
export const sloReportRouteRef = createRouteRef({
  id: 'ops-dashboard:slo-report',
});

/** The SLO preview page in apps on the old frontend system. */
export const sloPreviewRouteRef = createRouteRef({
  id: 'ops-dashboard:slo-preview',
});
