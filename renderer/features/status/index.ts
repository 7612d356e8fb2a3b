import './status.css';
export { StatusBar } from './components/StatusBar';
