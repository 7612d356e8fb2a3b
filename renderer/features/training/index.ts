import './training.css';
export { ScoreCardDialog } from './components/ScoreCardDialog';
export { TrainingBanner } from './components/TrainingBanner';
export { TrainingReportDialog } from './components/TrainingReportDialog';
export { scoreCardClosed, trainingOrderSubmitted, trainingReportOpened, useTrainingStore } from './training-store';
