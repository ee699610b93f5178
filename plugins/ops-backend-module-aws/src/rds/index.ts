export { RdsReader } from './RdsReader';
