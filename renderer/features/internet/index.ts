import './internet.css';
export { InternetQueue } from './components/InternetQueue';
export { internetQueueChanged, useInternetStore } from './internet-store';
