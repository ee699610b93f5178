export { SloPolicyBadge } from './SloPolicyBadge';
export type { SloPolicyBadgeProps } from './SloPolicyBadge';
