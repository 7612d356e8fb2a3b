import './screen-pop.css';
export { CallerPanel } from './components/CallerPanel';
export { callRang, callerOrdersChanged, panelCleared, useScreenPopStore } from './screen-pop-store';
