export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}

/** Splits text into plain and matched parts; the renderer marks the matched ones, never as HTML. */
export const highlightSegments = (text: string, terms: readonly string[]): Segment[] => {
  const needles = terms.filter((term) => term.length > 0);
  if (needles.length === 0) return [{ text, hit: false }];
  const segments: Segment[] = [];
  let plainStart = 0;
  let index = 0;
  while (index < text.length) {
    const found = needles.find((needle) => text.startsWith(needle, index));
    if (found) {
      if (index > plainStart) segments.push({ text: text.slice(plainStart, index), hit: false });
      // Words matched side by side (律师 执业 许可) read as one marked phrase.
      const previous = segments.at(-1);
      if (previous?.hit && index === plainStart) segments[segments.length - 1] = { text: previous.text + found, hit: true };
      else segments.push({ text: found, hit: true });
      index += found.length;
      plainStart = index;
    } else index += 1;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart), hit: false });
  return segments;
};

/** About `width` characters of `text` around its first match, with … where it was cut. */
export const snippetSegments = (text: string, terms: readonly string[], width = 90): Segment[] => {
  const flat = text.replace(/\s+/g, ' ');
  const first = Math.min(...terms.map((term) => flat.indexOf(term)).filter((at) => at >= 0), Number.MAX_SAFE_INTEGER);
  const start = first === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  const segments = highlightSegments(flat.slice(start, end), terms);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < flat.length) segments.push({ text: '…', hit: false });
  return segments;
};
