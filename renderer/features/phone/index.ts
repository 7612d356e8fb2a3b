import './phone.css';
export { SoftphoneBar, type RegistrationDisplay } from './components/SoftphoneBar';
export { RegistrationStatus } from './components/RegistrationStatus';
export { PHONE_ACTIONS_FOR_FORM } from './domain/phone-actions';
export { type CallLights, callLights, sameLights } from './domain/call-lights';
export { TrainingCallDialog } from './components/TrainingCallDialog';
export { createSipJsEngine } from './engine/sipjs-engine';
export {
  answerClicked,
  dialRequested,
  hangupClicked,
  holdToggled,
  consoleBridge,
  muteToggled,
  phoneStarted,
  type AgentGate,
} from './phone-controller';
export {
  type IncomingCall,
  callerIdentified,
  connectionBlocked,
  incomingCallCleared,
  incomingCallReceived,
  phonePanelOpened,
  selectAnyCall,
  selectCallsUp,
  selectMainCall,
  usePhoneStore,
} from './phone-store';
