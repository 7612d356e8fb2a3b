import { openProfileDb } from '../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { DeskServices } from '../../main/services';
import { startSyncedConsole, startTestPlatform, syncStatus, waitFor } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();

const reveal = (services: DeskServices, detail: string) =>
  services.db.repos.audit.append({
    actor: 'A0001',
    action: 'reveal_number',
    screen: 'screenPop',
    detail,
    at: new Date().toISOString(),
  });

const drained = (services: DeskServices) =>
  waitFor(
    () => syncStatus(services),
    (status) => status.pending === 0 && status.state === 'online',
  );

describe('the platform checks each console’s audit chain', () => {
  it('finds the chain intact after sync, and flags an entry deleted and one edited before they were pushed', async () => {
    const dir = tempDir();
    const platform = await startTestPlatform(dir);
    const services = await startSyncedConsole(dir, platform.url);
    for (const detail of ['a', 'b', 'c']) await reveal(services, detail);
    services.sync.nudge();
    await drained(services);
    const intact = platform.store.auditChains('320505');
    // The sign-in is audited too.
    expect(intact).toEqual([expect.objectContaining({ entries: 4, problems: [] })]);

    // While the platform refuses pushes two entries are written; with the console shut down,
    // someone with the file removes the first before it is pushed and rewrites the second.
    platform.server.faults.pushStatus = { status: 503, times: 1_000 };
    const removed = await reveal(services, 'removed');
    const rewritten = await reveal(services, 'original');
    await services.close();
    const db = openProfileDb(dir);
    db.prepare('DELETE FROM outbox WHERE record_id = ?').run(removed);
    const payload = JSON.parse(
      db.prepare('SELECT payload_json FROM outbox WHERE record_id = ?').pluck().get(rewritten) as string,
    ) as Record<string, unknown>;
    db.prepare('UPDATE outbox SET payload_json = ? WHERE record_id = ?').run(
      JSON.stringify({ ...payload, detail: 'rewritten' }),
      rewritten,
    );
    db.close();

    platform.server.faults.pushStatus = undefined;
    const restarted = await startSyncedConsole(dir, platform.url);
    await drained(restarted);
    const [chain] = platform.store.auditChains('320505');
    // The four from before, the rewritten one, and the second sign-in; the removed one never arrived.
    expect(chain!.entries).toBe(6);
    expect(chain!.problems).toEqual(
      expect.arrayContaining([
        { kind: 'edited', id: rewritten },
        { kind: 'gap', id: rewritten },
      ]),
    );
    expect(chain!.problems).toHaveLength(2);
    await restarted.close();
    await platform.close();
  }, 60_000);
});
