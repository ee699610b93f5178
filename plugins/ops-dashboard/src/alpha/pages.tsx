import { createRouteRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@mui/icons-material/Assessment';

// The app's sidebar lists only pages with a route ref.
const sloReportPageRouteRef = createRouteRef();

/**
 * The SLO report page (`/slo-report`, in the sidebar): every SLO with its
 * attainment this month and over a year, budget left and policy.
 */
export const sloReportPage = PageBlueprint.make({
  name: 'slo-report',
  params: {
    path: '/slo-report',
    routeRef: sloReportPageRouteRef,
    title: 'SLO report',
    icon: <AssessmentIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('../components/report/SloReportPage').then(m => (
        <m.SloReportPage />
      )),
  },
});
