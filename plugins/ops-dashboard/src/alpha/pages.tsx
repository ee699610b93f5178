import { createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@mui/icons-material/Assessment';
import PreviewIcon from '@mui/icons-material/Preview';
import { opsApiRef } from '../api';
import { prefetchSloReport } from '../components/report/SloReportPage/reportPrefetch';

// The app's sidebar lists only pages with a route ref.
const sloReportPageRouteRef = createRouteRef();

/**
 * The SLO report page (`/slo-report`, in the sidebar): every SLO with its
 * attainment this month and over a year, budget left and policy.
 */
export const sloReportPage = PageBlueprint.makeWithOverrides({
  name: 'slo-report',
  factory(originalFactory, { apis }) {
    return originalFactory({
      path: '/slo-report',
      routeRef: sloReportPageRouteRef,
      title: 'SLO report',
      icon: <AssessmentIcon fontSize="inherit" />,
      noHeader: true,
      loader: () => {
        // The first rows are asked for while the page's code loads, not
        // after it has run and drawn: on a first visit that code is most
        // of the wait (plugins/ops-backend/README.md, "The report page in the
        // full app").
        const prefetched = prefetchSloReport(apis.get(opsApiRef)!);
        return import('../components/report/SloReportPage').then(m => (
          <m.SloReportPage prefetched={prefetched} />
        ));
      },
    });
  },
});

const sloPreviewPageRouteRef = createRouteRef();

/**
 * The SLO preview page (`/slo-preview`, in the sidebar): a draft SLO pasted
 * and evaluated before it is merged into the catalog.
 */
export const sloPreviewPage = PageBlueprint.make({
  name: 'slo-preview',
  params: {
    path: '/slo-preview',
    routeRef: sloPreviewPageRouteRef,
    title: 'SLO preview',
    icon: <PreviewIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('../components/slo/SloPreviewPage').then(m => (
        <m.SloPreviewPage />
      )),
  },
});
