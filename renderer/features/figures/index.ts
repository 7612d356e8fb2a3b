import './figures.css';
export { MyFigures } from './components/MyFigures';
export { myFiguresRequested } from './figures-store';
