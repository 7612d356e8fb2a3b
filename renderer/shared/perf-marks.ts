/**
 * Performance marks around the moments agents feel: the ring reaching the renderer and the caller
 * panel painted. Benchmarks read the measures from the page; nothing is sent anywhere.
 */
export const MARK_CALL_RANG = 'minsheng:call-rang';
export const MEASURE_SCREEN_POP = 'minsheng:screen-pop-painted';

export const markCallRang = (): void => {
  performance.clearMarks(MARK_CALL_RANG);
  performance.mark(MARK_CALL_RANG);
};

/** Called after React committed the panel; the next animation frame is when it is on screen. */
export const measureAfterPaint = (name: string, fromMark: string): void => {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(fromMark, 'mark').length === 0) return;
    performance.measure(name, fromMark);
    performance.clearMarks(fromMark);
  });
};

export const MARK_KEYSTROKE = 'minsheng:kb-keystroke';
export const MEASURE_KB_RESULTS = 'minsheng:kb-results-painted';

/** The latest keystroke in the encyclopedia search box: results are measured from it. */
export const markKeystroke = (): void => {
  performance.clearMarks(MARK_KEYSTROKE);
  performance.mark(MARK_KEYSTROKE);
};
