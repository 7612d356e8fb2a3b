import { type KbEntry, kbEntrySchema } from './kb-entry';
import { regionNumber } from './region-rowids';

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  deleted: number;
  stale: number;
}

export interface ImportProgress extends ImportCounts {
  readonly linesRead: number;
  readonly rejected: number;
  readonly bytesRead: number;
}

export interface ImportReport extends ImportProgress {
  readonly problems: readonly ImportProblem[];
}

const MAX_PROBLEMS_KEPT = 1000;
const MAX_LINE = 100_000;
/** The reader's cut-off: no line of MAX_LINE characters needs more (UTF-8 is at most 4 bytes a character). */
export const MAX_LINE_BYTES = MAX_LINE * 4;

/**
 * Reads a JSON Lines file of entries: a malformed line is reported with its number and skipped,
 * never aborting the rest. Valid entries go to `write` in batches sorted by region, because FTS5
 * indexes fastest when rowids (region slot × 10⁶ + sequence) arrive in ascending order.
 */
export const importJsonl = async (
  lines: AsyncIterable<{ text: string; bytes: number; tooLong?: boolean }>,
  write: (batch: KbEntry[]) => Promise<ImportCounts>,
  options: { batchSize?: number; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportReport> => {
  const batchSize = options.batchSize ?? 5000;
  const counts: ImportCounts = { inserted: 0, updated: 0, deleted: 0, stale: 0 };
  const problems: ImportProblem[] = [];
  let rejected = 0;
  let linesRead = 0;
  let bytesRead = 0;
  let batch: KbEntry[] = [];

  const progress = (): ImportProgress => ({ ...counts, linesRead, rejected, bytesRead });
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    batch.sort((a, b) => regionNumber(a.regionCode) - regionNumber(b.regionCode));
    const written = await write(batch);
    batch = [];
    counts.inserted += written.inserted;
    counts.updated += written.updated;
    counts.deleted += written.deleted;
    counts.stale += written.stale;
    options.onProgress?.(progress());
  };
  const reject = (line: number, message: string): void => {
    rejected += 1;
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push({ line, message });
  };

  for await (const { text, bytes, tooLong } of lines) {
    linesRead += 1;
    bytesRead += bytes;
    const line = text.trim();
    if (!tooLong && line === '') continue;
    if (tooLong || line.length > MAX_LINE) {
      reject(linesRead, '行过长（超过 100,000 个字符）');
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      reject(linesRead, '不是合法的 JSON');
      continue;
    }
    const parsed = kbEntrySchema.safeParse(json);
    if (!parsed.success) {
      reject(linesRead, parsed.error.issues.map((issue) => `${issue.path.join('.') || '条目'}：${issue.message}`).join('；'));
      continue;
    }
    batch.push(parsed.data);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { ...progress(), problems };
};

/**
 * A JSON document where JSON Lines are expected: said before anything is read, with the way out.
 * Only the file's start is looked at.
 */
export const looksLikeJsonArray = (start: string): boolean => /^\uFEFF?\s*\[/.test(start);
export const JSON_ARRAY_MESSAGE =
  '这是一个 JSON 数组文件（以“[”开头），百科导入需要 JSON Lines：每行一个条目。请先转换，例如：jq -c ".[]" 原文件.json > 条目.jsonl';
