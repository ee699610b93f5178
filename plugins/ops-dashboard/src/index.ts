export { opsDashboardPlugin as default } from './plugin';
