export { IntakePanel } from './components/IntakePanel';
export { answerCited, callLinked, callerNumberKnown, intakeStarted, useIntakeStore } from './intake-store';
