import { create } from 'zustand';
import type { AgentFigures } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

export interface FiguresState {
  readonly figures: AgentFigures | null;
}

export const useFiguresStore = create<FiguresState>()(() => ({ figures: null }));

/** Asked again after every state change (a call ended, wrap-up done) and every half minute. */
export const myFiguresRequested = async (): Promise<void> => {
  const result = await desk().lead.myFigures();
  if (result.ok) useFiguresStore.setState({ figures: result.value });
};
