export { SloStatusDetails } from './SloStatusDetails';
export type { SloStatusDetailsProps } from './SloStatusDetails';
