export { SoftphoneBar, type RegistrationDisplay } from './components/SoftphoneBar';
export { TrainingCallDialog } from './components/TrainingCallDialog';
export { type IncomingCall, incomingCallCleared, incomingCallReceived, usePhoneStore } from './phone-store';
