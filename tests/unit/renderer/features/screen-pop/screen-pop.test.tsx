import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskApi, Result, ScreenPop } from '../../../../../preload/contract';
import { CallerPanel } from '../../../../../renderer/features/screen-pop/components/CallerPanel';
import { deadlineTone, humanDuration } from '../../../../../renderer/features/screen-pop/domain/deadline-badge';
import { callDuration } from '../../../../../renderer/shared/format-time';
import { callRang, panelCleared } from '../../../../../renderer/features/screen-pop/screen-pop-store';
import { provideDeskForTests } from '../../../../../renderer/shared/desk/desk-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('deadline badge', () => {
  it.each([
    [null, 'none'],
    [-1, 'overdue'],
    [0, 'soon'],
    [24 * 60, 'soon'],
    [24 * 60 + 1, 'ok'],
  ] as const)('%s minutes left is %s', (minutes, tone) => {
    expect(deadlineTone(minutes)).toBe(tone);
  });
  it('speaks in days and hours', () => {
    expect(humanDuration(-(2 * 24 * 60 + 3 * 60 + 5))).toBe('2 天 3 小时');
    expect(humanDuration(90)).toBe('1 小时');
    expect(humanDuration(0)).toBe('1 分钟');
    expect(callDuration(185)).toBe('3 分 5 秒');
  });
});

const masked: ScreenPop = {
  number: { kind: 'mobile', display: '138****1234', masked: true, source: 'from' },
  displayName: null,
  privacyRequested: false,
  caller: { id: '0192f0c6-0000-7000-8000-000000000001', name: null, tags: ['特殊关爱'], confidential: true, regionCode: null },
  repeatCalls30d: 4,
  openOrders: [],
  recentCalls: [],
  recentOrders: [],
  enterprises: [],
  lookupMs: 0.4,
};

const deskAnswering = (pop: ScreenPop, calls: string[]): DeskApi =>
  ({
    history: {
      screenPop: async (): Promise<Result<ScreenPop>> => ({ ok: true, value: pop }),
      revealNumber: async (input: { callerId: string }): Promise<Result<{ display: string }>> => {
        calls.push(`reveal:${input.callerId}`);
        return { ok: true, value: { display: '138 1234 1234' } };
      },
    },
  }) as unknown as DeskApi;

const mount = () => {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => createRoot(host).render(<CallerPanel />));
  return host;
};

afterEach(() => {
  act(() => panelCleared());
  document.body.innerHTML = '';
});

describe('caller panel', () => {
  it('shows a confidential caller masked, then the number once 显示 is pressed', async () => {
    const calls: string[] = [];
    provideDeskForTests(deskAnswering(masked, calls));
    const host = mount();
    await act(() => callRang({ id: 'r1', from: 'sip:13812341234@pbx' }));
    expect(host.querySelector('[data-testid="caller-number"]')?.textContent).toBe('138****1234');
    expect(host.textContent).toContain('近 30 天来电 4 次');
    const reveal = [...host.querySelectorAll('button')].find((button) => button.textContent === '显示')!;
    await act(async () => reveal.click());
    expect(host.querySelector('[data-testid="caller-number"]')?.textContent).toBe('138 1234 1234');
    expect(calls).toEqual(['reveal:0192f0c6-0000-7000-8000-000000000001']);
  });

  it('ignores the answer for an earlier ring once a newer call rang', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const second: ScreenPop = { ...masked, number: { ...masked.number, display: '139 0000 0000', masked: false }, caller: null };
    provideDeskForTests({
      history: {
        screenPop: async (input: { from: string }): Promise<Result<ScreenPop>> => {
          if (input.from === 'first') await slow;
          return { ok: true, value: input.from === 'first' ? masked : second };
        },
      },
    } as unknown as DeskApi);
    const host = mount();
    const first = callRang({ id: 'r1', from: 'first' });
    await act(() => callRang({ id: 'r2', from: 'second' }));
    release();
    await act(() => first);
    expect(host.querySelector('[data-testid="caller-number"]')?.textContent).toBe('139 0000 0000');
  });
});
