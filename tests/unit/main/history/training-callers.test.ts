import { profileKey } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../../preload/contract';
import { seedDemoData } from '../../../../main/demo/seed-demo-data';
import { openDatabase } from '../../../../main/db/open-database';
import { databaseFile } from '../../../../main/profile/database-file';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

describe('模拟来电 demo callers', () => {
  it('offers three demo callers from the demo history (the confidential one masked), and none on a real profile', async () => {
    const demoProfile = tempDir();
    const { db } = openDatabase({ file: databaseFile(demoProfile), key: profileKey(demoProfile) });
    seedDemoData(db, { scale: 'county', now: new Date() });
    db.close();
    const demo = await startTestServices(demoProfile);
    const offered = await demo.dispatch('history.trainingCallers', undefined, context);
    expect(offered.ok).toBe(true);
    const callers = (offered as { value: { kind: string; display: string; number: string; count: number }[] }).value;
    expect(callers.map((caller) => caller.kind)).toEqual(['open-orders', 'confidential', 'repeat']);
    expect(callers[0]!.count).toBeGreaterThan(0);
    expect(callers[1]!.display).toMatch(/\*{4}/);
    expect(callers[2]!.count).toBeGreaterThan(1);
    await demo.close();

    const realProfile = tempDir();
    const real = openDatabase({ file: databaseFile(realProfile), key: profileKey(realProfile) });
    seedCallerHistory(real.db, { numberKey: '13812345678', name: '王芳', open: 2, closed: 1, calls: 5, now: new Date() });
    real.db.close();
    const services = await startTestServices(realProfile);
    expect(await services.dispatch('history.trainingCallers', undefined, context)).toEqual({ ok: true, value: [] });
    await services.close();
  });
});
