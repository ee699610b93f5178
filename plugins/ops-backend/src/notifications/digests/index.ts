export { SloDigests, sloDigestSource } from './SloDigests';
export type { DigestSloSource } from './SloDigests';
