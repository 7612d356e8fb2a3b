import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DeskHandlers, KbHit, KbImportReport } from '../../preload/contract';
import lexiconFile from '../data/kb/lexicon.json';
import type { DbClient } from '../db/db-client';
import type { EventBus } from '../shared/event-bus';
import { DeskFailure } from '../shared/desk-failure';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import { chinaDate } from '../workorders/domain/deadline';
import { termExpression } from './domain/cjk-tokens';
import { snippetSegments, highlightSegments } from './domain/highlight';
import { JSON_ARRAY_MESSAGE, MAX_LINE_BYTES, importJsonl, looksLikeJsonArray } from './domain/jsonl-import';
import { type Lexicon, lexiconSchema, withOverride } from './domain/lexicon';
import { type QueryWord, type Segment, queryKey, queryWords, wordHighlights } from './domain/query-words';
import { searchExpression } from './domain/search-expression';
import { regionTier } from './domain/region-tier';
import type { KbHitRow } from './kb-repo';
import { boundedLines, fileChunks } from './read-lines';
import { loadSegmenter } from './segmenter';

const PAGE = 20;
const RELATED = 5;
const LEXICON_TTL_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;

/** Bytes of a JSON Lines file from wherever the agent chose it, with its name and size for the progress bar. */
export interface KbImportSource {
  readonly name: string;
  readonly bytesTotal: number;
  readonly chunks: AsyncIterable<Buffer | Uint8Array>;
}

/** The OS file dialog (Electron); absent in the browser shell, where the page uploads the file. */
export type ChooseFile = () => Promise<string | null>;

/**
 * The contract's kb namespace, implemented here (a new contract method is written once, in the
 * contract), and the imports the browser shell's upload route and the tests start from.
 */
export type KbService = DeskHandlers['kb'] & {
  /** A file on this PC, by path: only for paths the agent picked in the file dialog (and for tests). */
  importFile(path: string): Promise<KbImportReport>;
  importSource(source: KbImportSource): Promise<KbImportReport>;
};

/** FTS5 for one word: any of its alternatives. */
const wordExpression = (word: QueryWord): string =>
  word.alternatives
    .map((alternative) => termExpression(alternative))
    .filter((expression): expression is string => expression !== null)
    .map((expression) => `(${expression})`)
    .join(' OR ');

const toHit =
  (terms: readonly string[], callerRegion: string | null) =>
  (row: KbHitRow): KbHit => ({
    id: row.id,
    kind: row.kind,
    title: highlightSegments(row.title, terms),
    snippet: snippetSegments(row.body, terms),
    department: row.department,
    regionCode: row.region_code,
    tier: callerRegion ? regionTier(row.region_code, callerRegion) : null,
    timeLimit: row.time_limit,
    sample: row.sample === 1,
  });

export const createKbService = (deps: {
  readonly db: DbClient;
  readonly settings: SettingsService;
  readonly events: EventBus;
  readonly log: Logger;
  readonly chooseFile?: ChooseFile;
  readonly now?: () => Date;
}): KbService => {
  const { db, settings, events, log } = deps;
  const now = deps.now ?? (() => new Date());
  const bundled = lexiconSchema.parse(lexiconFile);
  // Re-read now and then: a lexicon pulled by sync replaces the bundled one without a restart.
  let lexicon: { value: Lexicon; readAt: number } | null = null;
  const currentLexicon = async (): Promise<Lexicon> => {
    if (lexicon && performance.now() - lexicon.readAt < LEXICON_TTL_MS) return lexicon.value;
    const override = await db.repos.kbLearning.lexicon();
    const pulledGroups = await db.repos.kb.synonymGroups();
    const value = withOverride(bundled, override ?? (pulledGroups.length > 0 ? { groups: pulledGroups } : null));
    lexicon = { value, readAt: performance.now() };
    return value;
  };
  let segmenter: Promise<Segment> | null = null;
  const words = async (query: string): Promise<QueryWord[]> => {
    const current = await currentLexicon();
    segmenter ??= loadSegmenter(current.userWords, log);
    return queryWords(query, current, await segmenter);
  };
  const regionFor = async (callerRegion: string | null): Promise<string | null> =>
    callerRegion ?? ((await settings.current()).centreCode || null);
  const actor = async (): Promise<string> => (await settings.current()).agentId || 'unconfigured';

  const run = async (
    expression: string,
    callerRegion: string | null,
    kind: KbHit['kind'] | null,
    department: string | null,
    limit: number,
  ) => {
    const region = await regionFor(callerRegion);
    const rows = await db.repos.kb.search({ expression, callerRegion: region, today: chinaDate(now()), kind, department, limit });
    return { region, rows };
  };

  /**
   * One import at a time, from a file the agent picked (Electron dialog) or uploaded (browser shell),
   * streamed with a bound on each line's length.
   */
  let importing = false;
  const importSource = async (source: KbImportSource): Promise<KbImportReport> => {
    if (importing) throw new DeskFailure('INVALID_INPUT', '已有一个导入正在进行，请等它完成');
    importing = true;
    try {
      const chunks = source.chunks[Symbol.asyncIterator]();
      const head = await chunks.next();
      const first = head.done ? Buffer.alloc(0) : Buffer.from(head.value);
      if (looksLikeJsonArray(first.subarray(0, 4096).toString('utf8')))
        throw new DeskFailure('INVALID_INPUT', JSON_ARRAY_MESSAGE);
      const all = (async function* () {
        if (first.length > 0) yield first;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      })();
      const started = performance.now();
      const at = now().toISOString();
      const progressOf = (bytesRead: number, entries: number, rejected: number, done: boolean) => ({
        file: source.name,
        bytesRead,
        bytesTotal: Math.max(source.bytesTotal, 1),
        entries,
        rejected,
        done,
      });
      const report = await importJsonl(boundedLines(all, MAX_LINE_BYTES), (batch) => db.repos.kb.upsertBatch(batch, at), {
        onProgress: (progress) =>
          events.emit(
            'kb.importProgress',
            progressOf(progress.bytesRead, progress.inserted + progress.updated + progress.deleted, progress.rejected, false),
          ),
      });
      events.emit(
        'kb.importProgress',
        progressOf(source.bytesTotal, report.inserted + report.updated + report.deleted, report.rejected, true),
      );
      log.info('kb.imported', { inserted: report.inserted, updated: report.updated, rejected: report.rejected });
      return { ...report, problems: report.problems.slice(0, 200), seconds: (performance.now() - started) / 1000 };
    } finally {
      importing = false;
    }
  };

  const importFile = async (path: string): Promise<KbImportReport> => {
    const size = await stat(path).then(
      (info) => (info.isFile() ? info.size : null),
      () => null,
    );
    if (size === null) throw new DeskFailure('NOT_FOUND', '找不到所选文件，或它不是普通文件');
    return importSource({ name: basename(path), bytesTotal: size, chunks: fileChunks(path) });
  };

  return {
    status: async () => ({ entries: await db.repos.kb.count(), departments: await db.repos.kb.departments() }),

    search: async (request) => {
      const started = performance.now();
      const analysed = await words(request.query);
      if (analysed.length === 0) return { hits: [], tookMs: 0 };
      const region = await regionFor(request.callerRegion);
      const today = chinaDate(now());
      const learnedIds = await db.repos.kbLearning.learnedFor({
        queryKey: queryKey(analysed),
        regionCode: region,
        now: now().toISOString(),
      });
      const filters = { callerRegion: region, today, kind: request.kind, department: request.department, limit: PAGE };
      // One word and nothing learned for it: bm25 within the caller's tiers, as exact as it is fast.
      const { rows, complete } =
        analysed.length === 1 && learnedIds.length === 0
          ? await db.repos.kb
              .search({ ...filters, expression: wordExpression(analysed[0]!) })
              .then((found) => ({ rows: found, complete: found.length > 0 }))
          : await db.repos.kb.rankedSearch({
              ...filters,
              learnedIds,
              words: analysed.map((word) => ({ expression: wordExpression(word), texts: word.alternatives })),
            });
      // What the knowledge-base team needs to hear about: no entry has all the words asked for.
      if (request.settled && !complete && request.query.trim().length >= 2) {
        await db.repos.kb.recordUsage({
          kind: 'no_result',
          entryId: null,
          query: request.query.trim(),
          actor: await actor(),
          draftId: null,
          at: now().toISOString(),
        });
      }
      return { hits: rows.map(toHit(wordHighlights(analysed), region)), tookMs: performance.now() - started };
    },

    learning: async () => {
      const at = now();
      return db.repos.kbLearning.learning({ since: new Date(at.getTime() - WEEK_MS).toISOString(), now: at.toISOString() });
    },

    removeAlias: async (alias) => ({
      removed: await db.repos.kbLearning.removeAlias({ ...alias, actor: await actor(), at: now().toISOString() }),
    }),

    related: async ({ categoryName, text, callerRegion }) => {
      const { groups } = await currentLexicon();
      // The category names the matter; synonym terms found in the text name its subject (公积金, 医保 …).
      const terms = [categoryName, ...groups.flat().filter((term) => text.includes(term))].filter((term) => term.trim() !== '');
      const expressions = [...new Set(terms)]
        .slice(0, 6)
        .map((term) => searchExpression(term, groups) ?? termExpression(term))
        .filter(Boolean);
      if (expressions.length === 0) return { hits: [] };
      const { region, rows } = await run(
        expressions.map((expression) => `(${expression})`).join(' OR '),
        callerRegion,
        null,
        null,
        RELATED,
      );
      return { hits: rows.map(toHit(terms, region)) };
    },

    entry: async ({ id }) => {
      const row = await db.repos.kb.entry(id);
      if (!row) throw new DeskFailure('NOT_FOUND', '百科条目不存在或已删除');
      return {
        id: String(row.id),
        kind: row.kind === 'qa' ? 'qa' : 'info',
        title: String(row.title),
        body: String(row.body),
        department: (row.department as string | null) ?? null,
        regionCode: (row.region_code as string | null) ?? null,
        timeLimit: (row.time_limit as string | null) ?? null,
        place: (row.place as string | null) ?? null,
        phone: (row.phone as string | null) ?? null,
        validFrom: (row.valid_from as string | null) ?? null,
        validTo: (row.valid_to as string | null) ?? null,
        tags: JSON.parse(String(row.tags_json)) as string[],
      };
    },

    cite: async ({ id, draftId, query, callerRegion }) => {
      const row = await db.repos.kb.entry(id);
      if (!row) throw new DeskFailure('NOT_FOUND', '百科条目不存在或已删除');
      const analysed = query ? await words(query) : [];
      await db.repos.kbLearning.cited({
        entryId: id,
        queryKey: analysed.length > 0 ? queryKey(analysed) : null,
        regionCode: await regionFor(callerRegion ?? null),
        actor: await actor(),
        draftId,
        at: now().toISOString(),
      });
      log.info('kb.cited');
      return { answer: String(row.body), title: String(row.title) };
    },

    chooseImportFile: async () => {
      if (!deps.chooseFile) throw new DeskFailure('INVALID_INPUT', '浏览器模式下请用“选择文件”上传百科文件');
      const path = await deps.chooseFile();
      return path === null ? null : importFile(path);
    },
    importFile: (path) => importFile(path),
    importSource: (source) => importSource(source),
  };
};
