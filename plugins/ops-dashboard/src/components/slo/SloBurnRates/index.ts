export { SloBurnRates } from './SloBurnRates';
export type { SloBurnRatesProps } from './SloBurnRates';
