export { CallerPanel } from './components/CallerPanel';
export { callRang, panelCleared } from './screen-pop-store';
