import { create } from 'zustand';
import type { HeadsetStatus } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

interface HeadsetState {
  readonly status: HeadsetStatus;
}

export const useHeadsetStore = create<HeadsetState>(() => ({
  status: { state: 'none', model: null, detail: null, models: [], chosen: null },
}));

export const headsetStatusChanged = (status: HeadsetStatus): void => useHeadsetStore.setState({ status });

export const headsetStarted = async (): Promise<void> => {
  const result = await desk().headset.status();
  if (result.ok) headsetStatusChanged(result.value);
};

/** 自动 (null) or a model: kept by main for the next start. */
export const headsetChosen = async (model: string | null): Promise<void> => {
  const result = await desk().headset.choose({ model });
  if (result.ok) headsetStatusChanged(result.value);
};

/** The models offered in the status bar: none to choose from with a single headset and no choice kept. */
export const headsetChoices = (status: HeadsetStatus): readonly string[] =>
  status.models.length > 1 || status.chosen !== null
    ? [...new Set([...status.models, ...(status.chosen ? [status.chosen] : [])])]
    : [];
