export { StatusBar } from './components/StatusBar';
