export { SloEvaluationDetails } from './SloEvaluationDetails';
