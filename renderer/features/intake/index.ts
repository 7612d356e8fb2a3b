export { IntakePanel } from './components/IntakePanel';
