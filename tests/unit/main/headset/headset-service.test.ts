import { describe, expect, it } from 'vitest';
import type { HeadsetStatus } from '../../../../preload/contract';
import { context, waitFor } from '../../../harness/sync-fixtures';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();

describe('headset service', () => {
  it('keeps the chosen headset model across a restart, and refuses an empty or overlong name', async () => {
    const profile = tempDir();
    const first = await startTestServices(profile);
    const status = async (services: typeof first) => {
      const result = await services.dispatch('headset.status', undefined, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as HeadsetStatus;
    };
    const chosen = await first.dispatch('headset.choose', { model: 'EPOS IMPACT D1' }, context);
    expect(chosen).toMatchObject({ ok: true, value: { chosen: 'EPOS IMPACT D1' } });
    expect(await first.dispatch('headset.choose', { model: '' }, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await first.dispatch('headset.choose', { model: 'x'.repeat(121) }, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await first.close();

    const again = await startTestServices(profile);
    await waitFor(
      () => status(again),
      (value) => value.chosen === 'EPOS IMPACT D1',
      5_000,
    );
    expect(await again.dispatch('headset.choose', { model: null }, context)).toMatchObject({ ok: true, value: { chosen: null } });
    await again.close();
  });
});
