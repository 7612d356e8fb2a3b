import './headset.css';
export { HeadsetIndicator } from './components/HeadsetIndicator';
export { headsetChosen, headsetStarted, headsetStatusChanged, useHeadsetStore } from './headset-store';
