export { IntakePanel } from './components/IntakePanel';
export { callLinked, callerNumberKnown, intakeStarted } from './intake-store';
