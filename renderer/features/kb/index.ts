import './kb.css';
export { KbPanel } from './components/KbPanel';
export { callerRegionKnown, importProgressed, kbStarted, orderContextChanged, useKbStore, type Citation } from './kb-store';
