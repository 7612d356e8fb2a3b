import { describe, expect, it } from 'vitest';
import lexiconFile from '../../../../main/data/kb/lexicon.json';
import { type Lexicon, lexiconSchema } from '../../../../main/kb/domain/lexicon';
import { queryKey, queryWords } from '../../../../main/kb/domain/query-words';
import { loadSegmenter, pairSegment } from '../../../../main/kb/segmenter';
import { createLogger } from '../../../../main/log/logger';

const lexicon: Lexicon = lexiconSchema.parse(lexiconFile);
const texts = (query: string, segment = pairSegment, words: Lexicon = lexicon) =>
  queryWords(query, words, segment).map((word) => word.text);

describe('query words', () => {
  it('keeps lexicon phrases whole, drops fillers, and gives each word its alternatives', () => {
    const words = queryWords('我想补办驾驶证怎么弄', lexicon, pairSegment);
    expect(words.map((word) => word.text)).toEqual(['补办', '驾驶证']);
    expect(words[0]!.alternatives).toEqual(expect.arrayContaining(['补办', '补发', '补领']));
    expect(words[1]!.alternatives).toEqual(expect.arrayContaining(['驾照', '机动车驾驶证']));
  });

  it('lets a phrase give way to a longer one starting on its second character (领养老金 is 养老金)', () => {
    expect(texts('退休领养老金')).toContain('养老金');
    expect(texts('退休领养老金')).not.toContain('领养');
  });

  it('maps a caller’s words to the official terms one way: 丢了 stands for 补发 / 遗失, 绿卡 for 永久居留身份证', () => {
    const words = queryWords('绿卡丢了', lexicon, pairSegment);
    expect(words.map((word) => word.text)).toEqual(['绿卡', '丢了']);
    expect(words[0]!.alternatives).toContain('永久居留身份证');
    expect(words[1]!.alternatives).toEqual(expect.arrayContaining(['补发', '遗失']));
  });

  it('counts one word said twice once (驾照 and 驾驶证 are one meaning)', () => {
    expect(texts('驾照驾驶证换证')).toEqual(['驾照', '换证']);
  });

  it('keeps a one-character verb the lexicon knows (查 → 查询) but not a stray character', () => {
    const words = queryWords('查 学籍', lexicon, pairSegment);
    expect(words.map((word) => word.text)).toEqual(['查', '学籍']);
    expect(words[0]!.alternatives).toContain('查询');
    expect(texts('房')).toEqual(['房']);
  });

  it('gives the same key to the same words in any order, and nothing for filler alone', () => {
    const segment = pairSegment;
    expect(queryKey(queryWords('学籍 查询', lexicon, segment))).toBe(queryKey(queryWords('查询 学籍', lexicon, segment)));
    expect(queryWords('请问怎么办呢？', lexicon, segment)).toEqual([]);
  });

  it('segments with jieba when it loads: unknown words are joined back, user words kept whole', async () => {
    const segment = await loadSegmenter(lexicon.userWords, createLogger({}));
    expect(segment('孩子上学要办什么')).toEqual(['孩子', '上学', '要', '办', '什么']);
    expect(texts('我们这条河的河长是谁', segment)).toContain('河长');
    expect(texts('优粤卡怎么申请', segment)).toEqual(['优粤卡', '申请']);
  });
});
