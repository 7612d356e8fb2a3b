import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProfileDb } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, KbHit, KbImportReport, Result } from '../../../../preload/contract';
import type { DeskServices } from '../../../../main/services';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const unwrap = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

const entry = (id: string, fields: Record<string, unknown>) =>
  JSON.stringify({ id, version: 1, kind: 'info', department: '测试局', ...fields });

const importLines = async (services: DeskServices, dir: string, lines: string[]): Promise<KbImportReport> => {
  const file = join(dir, `import-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return services.kb.importFile(file);
};

const search = async (services: DeskServices, query: string, callerRegion: string | null = '320505', settled = false) =>
  unwrap<{ hits: KbHit[] }>(
    await services.dispatch('kb.search', { query, callerRegion, kind: null, department: null, settled }, context),
  ).hits;

const text = (segments: KbHit['title']) => segments.map((segment) => segment.text).join('');

const CORPUS = [
  entry('nj-gjj', { title: '南京市住房公积金租房提取', body: '在南京租房的职工可以按月提取住房公积金。', regionCode: '3201' }),
  entry('sz-gjj', { title: '苏州市住房公积金租房提取', body: '在苏州租房的职工可以按季提取住房公积金。', regionCode: '3205' }),
  entry('hq-gjj', { title: '虎丘区公积金提取窗口', body: '虎丘区政务服务中心设公积金提取窗口。', regionCode: '320505' }),
  entry('js-gjj', { title: '江苏省公积金异地转移', body: '省内异地转移住房公积金账户的办理流程。', regionCode: '32' }),
  entry('cn-gjj', { title: '全国住房公积金异地转移接续', body: '全国范围内住房公积金转移接续平台。', regionCode: null }),
  entry('old-sb', {
    title: '社保缴费基数（2023 年度）',
    body: '2023 年度社会保险缴费基数标准。',
    regionCode: '3205',
    validTo: '2024-06-30',
  }),
  entry('sb-new', { title: '社会保险缴费基数', body: '本年度社会保险缴费基数标准。', regionCode: '3205' }),
  entry('fang', { title: '买房', body: '购房落户的条件。', regionCode: '3205' }),
  JSON.stringify({
    id: 'qa-yb',
    version: 1,
    kind: 'qa',
    title: '医疗保险异地就医怎么备案？',
    body: '通过国家医保服务平台 App 备案。',
    regionCode: '3205',
  }),
];

describe('encyclopedia search', () => {
  it('finds one- and two-character queries, the most common queries of all', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, CORPUS);
    expect((await search(services, '房')).map((hit) => hit.id)).toContain('fang');
    expect((await search(services, '房')).map((hit) => hit.id)).toContain('sz-gjj');
    expect((await search(services, '提取')).length).toBeGreaterThanOrEqual(3);
    // The entry with the whole phrase first; entries with part of it may follow.
    expect((await search(services, '转移接续')).map((hit) => hit.id)[0]).toBe('cn-gjj');
    await services.close();
  });

  it('puts the caller’s county, then city, then province, then national, then other cities', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, CORPUS);
    const hits = await search(services, '公积金', '320505');
    expect(hits.map((hit) => hit.id)).toEqual(['hq-gjj', 'sz-gjj', 'js-gjj', 'cn-gjj', 'nj-gjj']);
    expect(hits.map((hit) => hit.tier)).toEqual([0, 1, 2, 3, 4]);
    expect((await search(services, '公积金租房', '3201')).map((hit) => hit.id).slice(0, 2)).toEqual(['nj-gjj', 'sz-gjj']);
    await services.close();
  });

  it('hides expired entries and expands synonyms (社保 finds 社会保险), highlighting what matched', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, CORPUS);
    const hits = await search(services, '社保缴费');
    expect(hits.map((hit) => hit.id)).toEqual(['sb-new']);
    expect(hits[0]!.title.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(['社会保险缴费']);
    const yb = await search(services, '医保备案');
    expect(yb.map((hit) => hit.id)).toEqual(['qa-yb']);
    expect(text(yb[0]!.snippet)).toContain('备案');
    await services.close();
  });

  it('finds an entry from a spoken question by the pieces of it that occur', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, [
      ...CORPUS,
      entry('lawyer', { title: '专职律师执业许可', body: '申请律师执业的条件和材料。', regionCode: '44' }),
    ]);
    const hits = await search(services, '退休了想做律师执业许可怎么办');
    expect(hits[0]?.id).toBe('lawyer');
    expect(hits[0]!.title.filter((segment) => segment.hit).map((segment) => segment.text)).toEqual(['律师执业许可']);
    await services.close();
  });

  it('treats whatever the agent types as text, never as query syntax', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, CORPUS);
    for (const query of ['"', 'NEAR(', '公积金 OR', '*', '{title}:房', "'); DROP TABLE kb_entries; --", '   ']) {
      const result = await services.dispatch(
        'kb.search',
        { query, callerRegion: null, kind: null, department: null, settled: false },
        context,
      );
      expect(result.ok, query).toBe(true);
    }
    expect(await search(services, '公积金')).toHaveLength(5);
    await services.close();
  });

  it('applies updates by version: a newer version replaces, a delete removes, an older one changes nothing', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, CORPUS);
    const report = await importLines(services, dir, [
      JSON.stringify({
        id: 'sz-gjj',
        version: 2,
        kind: 'info',
        title: '苏州市公积金租房提取（新规）',
        body: '新规：按月提取。',
        regionCode: '3205',
      }),
      JSON.stringify({ id: 'nj-gjj', version: 2, kind: 'info', title: 'x', body: 'x', deleted: true }),
      JSON.stringify({ id: 'hq-gjj', version: 0, kind: 'info', title: '旧版本', body: '旧版本不应生效', regionCode: '320505' }),
      JSON.stringify({
        id: 'nj-gjj',
        version: 1,
        kind: 'info',
        title: '南京 迟到的旧版本',
        body: '不应复活',
        regionCode: '3201',
      }),
    ]);
    expect(report).toMatchObject({ inserted: 0, updated: 1, deleted: 1, stale: 2, rejected: 0 });
    expect(text((await search(services, '新规'))[0]!.title)).toBe('苏州市公积金租房提取（新规）');
    expect((await search(services, '公积金')).map((hit) => hit.id)).not.toContain('nj-gjj');
    expect(await search(services, '旧版本')).toEqual([]);
    expect(await search(services, '迟到')).toEqual([]);
    await services.close();
  });

  it('reports malformed lines with their numbers and imports the rest', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    const report = await importLines(services, dir, [
      CORPUS[0]!,
      '{not json',
      JSON.stringify({ id: 'x', version: 1, kind: 'poem', title: 't', body: 'b' }),
      JSON.stringify({ id: 'y', version: 1, kind: 'info', title: '', body: 'b' }),
      '',
      CORPUS[1]!,
      JSON.stringify({ id: 'z', version: 1, kind: 'info', title: 't', body: 'b', validFrom: '2026-02-30x' }),
    ]);
    expect(report).toMatchObject({ inserted: 2, rejected: 4, linesRead: 7 });
    expect(report.problems.map((problem) => problem.line)).toEqual([2, 3, 4, 7]);
    expect(report.problems[0]!.message).toBe('不是合法的 JSON');
    expect(report.problems[2]!.message).toContain('title');
    await expect(services.kb.importFile(join(dir, 'missing.jsonl'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await services.close();
  });

  it('refuses a JSON array with the way to convert it, and skips a line of hundreds of MB without holding it', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    const array = join(dir, 'entries.json');
    writeFileSync(array, `\uFEFF  [${CORPUS.join(',')}]`);
    await expect(services.kb.importFile(array)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('JSON 数组'),
    });

    // One valid entry, then 600 MB on one line (no newline for a string to end at), then another entry.
    const chunk = Buffer.alloc(1 << 20, 'x');
    const source = async function* () {
      yield Buffer.from(`${CORPUS[0]}\n{"id":"huge","body":"`);
      for (let index = 0; index < 600; index += 1) yield chunk;
      yield Buffer.from(`"}\n${CORPUS[1]}\n`);
    };
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const report = await services.kb.importSource({ name: 'huge.jsonl', bytesTotal: 600 << 20, chunks: source() });
    clearInterval(sampler);
    expect(report).toMatchObject({ inserted: 2, rejected: 1 });
    expect(report.problems).toEqual([{ line: 2, message: '行过长（超过 100,000 个字符）' }]);
    console.log(`kb import: rss peak +${Math.round((peak - before) / 1048576)} MB over a 600 MB line`);
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    await services.close();
  });

  it('the demo centre’s first searches find local sample entries, marked as samples', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    const samples = fileURLToPath(new URL('../../../../main/data/kb/demo-suzhou-samples.jsonl', import.meta.url));
    expect(await services.kb.importFile(samples)).toMatchObject({ rejected: 0 });
    for (const query of ['公积金', '落户', '医保', '噪音', '停水']) {
      const [first] = await search(services, query);
      expect(first, query).toMatchObject({ sample: true });
      expect(first!.tier, query).toBeLessThanOrEqual(1);
    }
    await services.close();
  });

  it('records citations and settled searches that found nothing, queued for the platform', async () => {
    const dir = tempDir();
    const services = await startTestServices(dir);
    await importLines(services, dir, CORPUS);
    expect(unwrap(await services.dispatch('kb.cite', { id: 'sz-gjj', draftId: null }, context))).toEqual({
      answer: '在苏州租房的职工可以按季提取住房公积金。',
      title: '苏州市住房公积金租房提取',
    });
    await search(services, '无人机备案', '320505', false);
    await search(services, '无人机备案', '320505', true);
    await services.close();
    const db = openProfileDb(dir, { readonly: true });
    expect(db.prepare('SELECT kind, entry_id, query FROM kb_usage ORDER BY at').all()).toEqual([
      { kind: 'cited', entry_id: 'sz-gjj', query: null },
      { kind: 'no_result', entry_id: null, query: '无人机备案' },
    ]);
    expect(db.prepare("SELECT count(*) FROM outbox WHERE stream = 'kb_usage'").pluck().get()).toBe(2);
    db.close();
  });
});
