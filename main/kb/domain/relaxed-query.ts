/**
 * Callers do not speak in document titles: "退休了想做律师执业许可" must still find 律师执业许可.
 * When the exact query finds too little, the query is cut into the longest pieces that do occur in
 * the encyclopedia (greedy, left to right, each piece checked against the index), dropping filler
 * words and single characters. The pieces are then required together, or failing that, any of them.
 */
const FILLERS = [
  '怎么办理',
  '怎么办',
  '怎么样',
  '怎么',
  '如何',
  '哪里',
  '哪儿',
  '什么',
  '需要',
  '请问',
  '我想',
  '想要',
  '可以',
  '能不能',
  '能否',
  '要多久',
  '多久',
  '一下',
  '是不是',
  '有没有',
  '吗',
  '呢',
  '吧',
  '了',
  '的',
  '啊',
];

export const relaxedPieces = async (query: string, occurs: (piece: string) => Promise<boolean>): Promise<string[]> => {
  let text = query.normalize('NFKC');
  for (const filler of FILLERS) text = text.split(filler).join(' ');
  const pieces: string[] = [];
  for (const chunk of text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean)) {
    const chars = Array.from(chunk);
    let start = 0;
    while (start < chars.length) {
      let end = start + 1;
      while (end < chars.length && (await occurs(chars.slice(start, end + 1).join('')))) end += 1;
      if (end - start >= 2) pieces.push(chars.slice(start, end).join(''));
      start = end;
    }
  }
  return [...new Set(pieces)];
};
