import './training.css';
export { ScoreCardDialog } from './components/ScoreCardDialog';
export { TrainingBanner } from './components/TrainingBanner';
export { scoreCardClosed, trainingOrderSubmitted, useTrainingStore } from './training-store';
