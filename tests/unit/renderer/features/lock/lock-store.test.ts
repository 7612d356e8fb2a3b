import { beforeEach, describe, expect, it } from 'vitest';
import type { DeskApi, LockStatus } from '../../../../../preload/contract';
import { activitySeen, idleTicked, useLockStore } from '../../../../../renderer/features/lock/lock-store';
import { waitText } from '../../../../../renderer/features/lock/domain/idle-lock';
import { provideDeskForTests } from '../../../../../renderer/shared/desk/desk-client';

const MINUTE = 60_000;

/** Main as the lock store sees it: it locks when asked and counts how often it was asked. */
const lockingDesk = () => {
  const asked: string[] = [];
  const status = (locked: boolean): LockStatus => ({
    locked,
    credentials: { pin: true, platformPassword: false },
    retryAfterMs: 0,
  });
  provideDeskForTests({
    lock: {
      engage: async ({ reason }: { reason: string }) => {
        asked.push(reason);
        return { ok: true, value: status(true) };
      },
    },
  } as unknown as DeskApi);
  return asked;
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('when the console locks itself', () => {
  beforeEach(() => useLockStore.setState({ status: null, secret: '', checking: false, error: null }));

  it('locks N minutes after the last input, not a tick before', async () => {
    const asked = lockingDesk();
    activitySeen(0);
    idleTicked({ minutes: 10, onCall: false, now: 10 * MINUTE - 1 });
    await settle();
    expect(asked).toEqual([]);
    idleTicked({ minutes: 10, onCall: false, now: 10 * MINUTE });
    await settle();
    expect(asked).toEqual(['idle']);
    expect(useLockStore.getState().status?.locked).toBe(true);
  });

  it('never during a call, however long, and counts the minutes again from the call’s end', async () => {
    const asked = lockingDesk();
    activitySeen(0);
    for (let minute = 1; minute <= 40; minute += 1) idleTicked({ minutes: 10, onCall: true, now: minute * MINUTE });
    idleTicked({ minutes: 10, onCall: false, now: 45 * MINUTE });
    await settle();
    expect(asked).toEqual([]);
    idleTicked({ minutes: 10, onCall: false, now: 50 * MINUTE });
    await settle();
    expect(asked).toEqual(['idle']);
  });

  it('input keeps it open', async () => {
    const asked = lockingDesk();
    for (let minute = 0; minute <= 60; minute += 5) {
      activitySeen(minute * MINUTE);
      idleTicked({ minutes: 10, onCall: false, now: minute * MINUTE + 9 * MINUTE });
    }
    await settle();
    expect(asked).toEqual([]);
  });

  it('says a wait in minutes and seconds, never 0 while still waiting', () => {
    expect(waitText(30_000)).toBe('30 秒');
    expect(waitText(1)).toBe('1 秒');
    expect(waitText(65_000)).toBe('1 分 05 秒');
    expect(waitText(15 * MINUTE)).toBe('15 分 00 秒');
  });
});
