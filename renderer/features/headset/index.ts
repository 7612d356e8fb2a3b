export { HeadsetIndicator } from './components/HeadsetIndicator';
export { headsetStarted, headsetStatusChanged, useHeadsetStore } from './headset-store';
