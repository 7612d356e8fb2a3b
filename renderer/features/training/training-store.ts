import { create } from 'zustand';
import type { ScoreCardView, TrainingReportView } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';
import { t } from '../../shared/i18n/t';

interface TrainingState {
  /** The card of the order just submitted, shown until the trainee closes it. */
  readonly card: ScoreCardView | null;
  /** Why an order of this training profile got no card (its call named no known scenario, or main failed). */
  readonly notice: string | null;
  /** 培训报表, while open. */
  readonly report: TrainingReportView | null;
}

export const useTrainingStore = create<TrainingState>(() => ({ card: null, notice: null, report: null }));

/** An order was submitted on a training profile: score it against the scenario its call played. */
export const trainingOrderSubmitted = async (workOrderId: string): Promise<void> => {
  const result = await desk().training.score({ workOrderId });
  if (!result.ok) useTrainingStore.setState({ card: null, notice: t('training.card.failed', { reason: result.error.message }) });
  else if (result.value === null) useTrainingStore.setState({ card: null, notice: t('training.card.noScenario') });
  else useTrainingStore.setState({ card: result.value, notice: null });
};

export const scoreCardClosed = (): void => useTrainingStore.setState({ card: null, notice: null });

export const trainingReportOpened = async (): Promise<void> => {
  const result = await desk().training.report();
  if (result.ok) useTrainingStore.setState({ report: result.value });
  else useTrainingStore.setState({ notice: t('training.report.failed', { reason: result.error.message }) });
};

export const trainingReportClosed = (): void => useTrainingStore.setState({ report: null });
