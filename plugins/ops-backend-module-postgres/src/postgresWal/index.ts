export { PostgresWalReader } from './PostgresWalReader';
