import './sync.css';
export { SyncIndicator } from './components/SyncIndicator';
export { SyncPanel } from './components/SyncPanel';
export { syncStarted, syncStatusChanged, useSyncStore } from './sync-store';
