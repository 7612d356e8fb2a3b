export { KbPanel } from './components/KbPanel';
