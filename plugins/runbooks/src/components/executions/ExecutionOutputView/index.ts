export { ExecutionOutputView } from './ExecutionOutputView';
