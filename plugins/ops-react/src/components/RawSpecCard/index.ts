export { RawSpecCard, SPEC_YAML_OPTIONS } from './RawSpecCard';
export type { RawSpecCardProps } from './RawSpecCard';
