import './lock.css';
export { LockButton } from './components/LockButton';
export { type LockCallNotice, LockScreen } from './components/LockScreen';
export { activitySeen, idleTicked, lockStarted, lockStatusChanged, selectLocked, useLockStore } from './lock-store';
