import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskApi, KbHit } from '../../../../../preload/contract';
import { queryTyped, selectionMoved, useKbStore } from '../../../../../renderer/features/kb/kb-store';
import { provideDeskForTests } from '../../../../../renderer/shared/desk/desk-client';

const hit = (id: string): KbHit =>
  ({
    id,
    kind: 'info',
    title: [{ text: id, match: false }],
    snippet: [],
    department: null,
    regionCode: null,
    tier: 'other',
  }) as unknown as KbHit;

/** A search whose answers the test releases one by one, in the order it chooses. */
const slowSearch = () => {
  const pending: { query: string; release: () => void }[] = [];
  provideDeskForTests({
    kb: {
      search: (request: { query: string }) =>
        new Promise((resolve) =>
          pending.push({
            query: request.query,
            release: () => resolve({ ok: true, value: { hits: ['a', 'b', 'c'].map(hit), tookMs: 1 } }),
          }),
        ),
    },
  } as unknown as DeskApi);
  return pending;
};

describe('encyclopedia search: the agent’s pick', () => {
  afterEach(() => {
    vi.useRealTimers();
    useKbStore.setState({ query: '', hits: [], selected: 0, picked: null, searchedQuery: '' });
  });

  it('↓ pressed on the list of the previous keystroke stays on its entry when the last keystroke’s answer arrives', async () => {
    vi.useFakeTimers();
    const pending = slowSearch();
    queryTyped('社');
    await vi.advanceTimersByTimeAsync(40);
    pending.shift()?.release();
    await vi.advanceTimersByTimeAsync(0);
    queryTyped('社保');
    await vi.advanceTimersByTimeAsync(40);
    selectionMoved(1);
    expect(useKbStore.getState().hits[useKbStore.getState().selected]?.id).toBe('b');
    pending.shift()?.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(useKbStore.getState().searchedQuery).toBe('社保');
    expect(useKbStore.getState().hits[useKbStore.getState().selected]?.id).toBe('b');
  });

  it('typing on after a pick starts again at the top', async () => {
    vi.useFakeTimers();
    const pending = slowSearch();
    queryTyped('社保');
    await vi.advanceTimersByTimeAsync(40);
    pending.shift()?.release();
    await vi.advanceTimersByTimeAsync(0);
    selectionMoved(2);
    queryTyped('社保卡');
    await vi.advanceTimersByTimeAsync(40);
    pending.shift()?.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(useKbStore.getState().selected).toBe(0);
  });
});
