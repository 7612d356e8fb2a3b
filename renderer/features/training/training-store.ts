import { create } from 'zustand';
import type { ScoreCardView } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

interface TrainingState {
  /** The card of the order just submitted, shown until the trainee closes it. */
  readonly card: ScoreCardView | null;
  readonly error: string | null;
}

export const useTrainingStore = create<TrainingState>(() => ({ card: null, error: null }));

/** An order was submitted on a training profile: score it (null when its call played no known scenario). */
export const trainingOrderSubmitted = async (workOrderId: string): Promise<void> => {
  const result = await desk().training.score({ workOrderId });
  if (!result.ok) useTrainingStore.setState({ card: null, error: result.error.message });
  else useTrainingStore.setState({ card: result.value, error: null });
};

export const scoreCardClosed = (): void => useTrainingStore.setState({ card: null, error: null });
