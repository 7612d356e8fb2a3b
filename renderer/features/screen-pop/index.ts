import './screen-pop.css';
export { CallerPanel } from './components/CallerPanel';
export { callRang, panelCleared, useScreenPopStore } from './screen-pop-store';
