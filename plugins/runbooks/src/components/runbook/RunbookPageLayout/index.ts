export { RunbookPageLayout } from './RunbookPageLayout';
export type { RunbookPageCard } from './RunbookPageLayout';
