export { PgBackRestReader } from './PgBackRestReader';
