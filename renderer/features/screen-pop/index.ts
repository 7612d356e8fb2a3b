export { CallerPanel } from './components/CallerPanel';
