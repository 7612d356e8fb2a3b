import type { Logger } from '../log/logger';
import type { Segment } from './domain/query-words';

interface JiebaModule {
  readonly Jieba: {
    withDict(dict: Uint8Array): { loadDict(dict: Uint8Array): void; cut(text: string, hmm?: boolean): string[] };
  };
}

const JIEBA = '@node-rs/jieba';
const JIEBA_DICT = '@node-rs/jieba/dict.js';

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

/** Without jieba: Chinese in two-character pieces (most words of a 12345 query are two characters). */
export const pairSegment: Segment = (text) =>
  (text.match(CJK_RUN) ?? []).flatMap((run) => {
    if (!/[\u3400-\u9fff]/u.test(run[0]!)) return [run];
    const chars = Array.from(run);
    const out: string[] = [];
    for (let at = 0; at < chars.length; at += 2) out.push(chars.slice(at, at + 2).join(''));
    return out;
  });

/** A dictionary weight that makes jieba keep a user word whole against its default dictionary. */
const USER_WORD_FREQUENCY = 100_000;

/**
 * Jieba (`@node-rs/jieba`, prebuilt N-API for linux x64/arm64 and win32 x64) with its dictionary and
 * the lexicon's 12345 words. An optional dependency: on a platform without a prebuilt binary the
 * search segments in pairs instead (logged once), slower to find reordered phrases, never broken.
 */
export const loadSegmenter = async (userWords: readonly string[], log: Logger): Promise<Segment> => {
  try {
    // By name, so that neither tsc nor the bundler needs the optional package to be there.
    const loaded = (await import(JIEBA)) as JiebaModule & { default?: JiebaModule };
    const { Jieba } = loaded.default ?? loaded;
    const dictModule = (await import(JIEBA_DICT)) as { dict?: Uint8Array; default?: { dict: Uint8Array } };
    const dict = dictModule.dict ?? dictModule.default?.dict;
    if (!dict) throw new Error('jieba dictionary missing');
    const jieba = Jieba.withDict(dict);
    if (userWords.length > 0)
      jieba.loadDict(Buffer.from(userWords.map((word) => `${word} ${USER_WORD_FREQUENCY}`).join('\n'), 'utf8'));
    return (text) => jieba.cut(text, false);
  } catch (error) {
    log.warn('kb.segmenter_unavailable', { reason: error instanceof Error ? error.message : String(error) });
    return pairSegment;
  }
};
