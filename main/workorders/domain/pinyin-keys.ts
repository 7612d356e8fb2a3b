import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** "shehuibaoxian" */
  readonly full: string;
  /** "shbx" */
  readonly initials: string;
}

/** Search keys for the keyboard pickers: agents type `sb` for 社保 or `nanjing` for 南京. */
export const pinyinKeys = (text: string): PinyinKeys => {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((syllable) => syllable.toLowerCase());
  return { full: syllables.join(''), initials: syllables.map((syllable) => syllable[0] ?? '').join('') };
};
