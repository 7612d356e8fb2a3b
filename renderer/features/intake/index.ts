import './intake.css';
export { IntakePanel } from './components/IntakePanel';
export {
  answerCited,
  callLinked,
  callerAskedForPrivacy,
  callerNumberKnown,
  intakeStarted,
  requestDraftOpened,
  useIntakeStore,
} from './intake-store';
