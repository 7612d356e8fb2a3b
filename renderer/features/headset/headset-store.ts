import { create } from 'zustand';
import type { HeadsetStatus } from '../../../preload/contract';
import { desk } from '../../shared/desk/desk-client';

interface HeadsetState {
  readonly status: HeadsetStatus;
}

export const useHeadsetStore = create<HeadsetState>(() => ({ status: { state: 'none', model: null, detail: null } }));

export const headsetStatusChanged = (status: HeadsetStatus): void => useHeadsetStore.setState({ status });

export const headsetStarted = async (): Promise<void> => {
  const result = await desk().headset.status();
  if (result.ok) headsetStatusChanged(result.value);
};
