import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openProfileDb } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, KbHit, Result } from '../../../../preload/contract';
import type { DeskServices } from '../../../../main/services';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const unwrap = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

const entry = (id: string, title: string, regionCode: string) =>
  JSON.stringify({ id, version: 1, kind: 'info', title, body: `${title}的办理指南。`, department: '公积金中心', regionCode });

const start = async (): Promise<{ services: DeskServices; dir: string }> => {
  const dir = tempDir();
  const services = await startTestServices(dir);
  const file = join(dir, 'kb.jsonl');
  writeFileSync(
    file,
    `${[
      entry('hq-gjj', '虎丘区公积金提取窗口', '320505'),
      entry('sz-gjj', '苏州市住房公积金租房提取', '3205'),
      entry('nj-gjj', '南京市住房公积金租房提取', '3201'),
    ].join('\n')}\n`,
  );
  await services.kb.importFile(file);
  return { services, dir };
};

const firstHit = async (services: DeskServices, query: string, callerRegion: string): Promise<string | undefined> =>
  unwrap<{ hits: KbHit[] }>(
    await services.dispatch('kb.search', { query, callerRegion, kind: null, department: null, settled: false }, context),
  ).hits[0]?.id;

const cite = async (services: DeskServices, id: string, query: string, callerRegion: string) =>
  unwrap(await services.dispatch('kb.cite', { id, draftId: null, query, callerRegion }, context));

describe('the encyclopedia learns from citations', () => {
  it('puts the entry agents of a region keep citing for a query first there, and an editor’s removal undoes it', async () => {
    const { services, dir } = await start();
    expect(await firstHit(services, '公积金提取', '320505')).toBe('hq-gjj');

    await cite(services, 'sz-gjj', '公积金提取', '320505');
    await cite(services, 'sz-gjj', '公积金 提取', '320505');
    expect(await firstHit(services, '公积金提取', '320505')).toBe('hq-gjj');
    await cite(services, 'sz-gjj', '公积金 提取', '320505');
    expect(await firstHit(services, '公积金提取', '320505')).toBe('sz-gjj');
    // Another region has not taught it anything.
    expect(await firstHit(services, '公积金提取', '320100')).toBe('nj-gjj');

    const learning = unwrap<{
      aliases: { queryKey: string; entryId: string; regionCode: string; active: boolean; citations: number }[];
    }>(await services.dispatch('kb.learning', undefined, context));
    expect(learning.aliases).toEqual([
      expect.objectContaining({ queryKey: '公积金 提取', entryId: 'sz-gjj', regionCode: '320505', active: true, citations: 3 }),
    ]);
    expect(
      unwrap(
        await services.dispatch('kb.removeAlias', { queryKey: '公积金 提取', entryId: 'sz-gjj', regionCode: '320505' }, context),
      ),
    ).toEqual({ removed: true });
    expect(await firstHit(services, '公积金提取', '320505')).toBe('hq-gjj');
    // Removed stays removed: a later citation is counted but does not bring the alias back.
    await cite(services, 'sz-gjj', '公积金提取', '320505');
    const after = unwrap<{ aliases: { active: boolean; citations: number; removedAt: string | null }[] }>(
      await services.dispatch('kb.learning', undefined, context),
    );
    expect(after.aliases).toEqual([expect.objectContaining({ active: false, citations: 4, removedAt: expect.any(String) })]);
    await services.close();

    const db = openProfileDb(dir, { readonly: true });
    expect(db.prepare("SELECT actor, action, detail FROM audit_log WHERE action = 'remove_kb_alias'").all()).toEqual([
      {
        actor: 'unconfigured',
        action: 'remove_kb_alias',
        detail: JSON.stringify({ queryKey: '公积金 提取', entryId: 'sz-gjj', regionCode: '320505' }),
      },
    ]);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE stream = 'audit'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT query FROM kb_usage WHERE kind = 'cited' ORDER BY at").pluck().all()).toEqual([
      '公积金 提取',
      '公积金 提取',
      '公积金 提取',
      '公积金 提取',
    ]);
    db.close();
  });

  it('shows editors the searches that found nothing this week, most asked first', async () => {
    const { services } = await start();
    for (const query of ['无人机备案', '无人机备案', '渔船登记'])
      await services.dispatch(
        'kb.search',
        { query, callerRegion: '320505', kind: null, department: null, settled: true },
        context,
      );
    const learning = unwrap<{ unanswered: { query: string; count: number }[] }>(
      await services.dispatch('kb.learning', undefined, context),
    );
    expect(learning.unanswered.map(({ query, count }) => ({ query, count }))).toEqual([
      { query: '无人机备案', count: 2 },
      { query: '渔船登记', count: 1 },
    ]);
    await services.close();
  });

  it('refuses an alias removal it cannot read, and one that names nothing', async () => {
    const { services } = await start();
    const bad = await services.dispatch('kb.removeAlias', { queryKey: '', entryId: 'x', regionCode: '320505' }, context);
    expect(bad.ok).toBe(false);
    expect(
      unwrap(await services.dispatch('kb.removeAlias', { queryKey: '公积金', entryId: 'nope', regionCode: '' }, context)),
    ).toEqual({
      removed: false,
    });
    await services.close();
  });

  it('takes the platform’s lexicon by sync (a new caller word works), and skips a malformed one keeping the last good one', async () => {
    const { services, dir } = await start();
    expect(await firstHit(services, '提现', '320505')).toBe(undefined);
    const pull = (version: number, data: Record<string, unknown>) =>
      services.db.repos.pull.apply(
        'kb_synonyms',
        [{ seq: version, op: 'upsert', id: 'default', version, data }],
        version,
        new Date().toISOString(),
      );
    expect(await pull(3, { groups: [['公积金', '住房公积金']], aliases: { 提现: ['提取'] } })).toEqual(
      expect.objectContaining({ skipped: [] }),
    );
    const refused = await pull(4, { groups: [['公积金']], aliases: { 提现: '提取' } });
    expect(refused.skipped).toHaveLength(1);
    await services.close();
    const reopened = await startTestServices(dir);
    expect(await firstHit(reopened, '提现', '320505')).toBe('hq-gjj');
    await reopened.close();
  });
});
