export { RelatedSection } from './RelatedSection';
export type { RelatedSectionProps } from './RelatedSection';
