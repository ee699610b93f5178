export { RunActionButton } from './RunActionButton';
