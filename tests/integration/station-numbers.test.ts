import { describe, expect, it } from 'vitest';
import type { IntakeDraft } from '../../preload/contract';
import type { DeskServices } from '../../main/services';
import { completeIntakeForm } from '../harness/intake-form';
import { context, startSyncedConsole, startTestPlatform, syncStatus, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();

const submitOrder = async (services: DeskServices): Promise<string> => {
  const draft = await services.dispatch('intake.openDraft', { callRef: null, fresh: true }, context);
  if (!draft.ok) throw new Error(draft.error.message);
  const submitted = await services.dispatch(
    'intake.submit',
    { draftId: (draft.value as IntakeDraft).id, form: completeIntakeForm, duplicateOf: null },
    context,
  );
  if (!submitted.ok) throw new Error(submitted.error.message);
  return (submitted.value as { number: string }).number;
};

const CONSOLES = 100;
const ORDERS_EACH = 3;
const AT_ONCE = 10;

describe('work-order numbers across a centre', () => {
  it(`${CONSOLES} consoles of one centre, signed in once and then offline, never issue the same number`, async () => {
    const platform = await startTestPlatform(tempDir());
    const profiles = Array.from({ length: CONSOLES }, () => tempDir());
    const numbers: string[] = [];
    const stations = new Set<string>();
    for (let start = 0; start < CONSOLES; start += AT_ONCE) {
      await Promise.all(
        profiles.slice(start, start + AT_ONCE).map(async (profile) => {
          const services = await startSyncedConsole(profile, platform.url);
          await services.sync.stop();
          for (let order = 0; order < ORDERS_EACH; order += 1) numbers.push(await submitOrder(services));
          await services.close();
        }),
      );
    }
    for (const number of numbers) stations.add(number.slice(14, 17));
    expect(numbers).toHaveLength(CONSOLES * ORDERS_EACH);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(stations.size).toBe(CONSOLES);
    expect([...stations].every((station) => /^\d{3}$/.test(station))).toBe(true);
    await platform.close();
  }, 240_000);

  it('a console keeps its station when it signs in again, and orders from before the first sign-in stay marked provisional', async () => {
    const platform = await startTestPlatform(tempDir());
    const profile = tempDir();
    const first = await startSyncedConsole(profile, platform.url);
    const before = await submitOrder(first);
    await first.close();
    const again = await startSyncedConsole(profile, platform.url);
    const after = await submitOrder(again);
    expect(after.slice(14, 17)).toBe(before.slice(14, 17));
    await waitFor(
      () => syncStatus(again),
      (status) => status.pending === 0 && status.state === 'online',
    );
    await again.close();
    await platform.close();
  });
});
