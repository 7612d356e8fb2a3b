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

export const MARK_WALLBOARD_DELTA = 'minsheng:wallboard-delta';
export const MEASURE_GRID_PAINTED = 'minsheng:grid-painted';
export const MARK_TILES_PAINTED = 'minsheng:tiles-painted';

/**
 * The oldest wallboard delta not painted yet: a burst is measured from its first delta. The lead's
 * console runs all shift, so only the latest mark and measure are kept (a bench observes them all
 * with a PerformanceObserver).
 */
export const markWallboardDelta = (): void => {
  if (performance.getEntriesByName(MARK_WALLBOARD_DELTA, 'mark').length === 0) performance.mark(MARK_WALLBOARD_DELTA);
};

export const measureGridPainted = (): void => {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(MARK_WALLBOARD_DELTA, 'mark').length === 0) return;
    performance.clearMeasures(MEASURE_GRID_PAINTED);
    performance.measure(MEASURE_GRID_PAINTED, MARK_WALLBOARD_DELTA);
    performance.clearMarks(MARK_WALLBOARD_DELTA);
  });
};

/** The queue tiles on screen with these figures (a bench matches them to the event it sent). */
export const markTilesPainted = (figures: { offered: number; waiting: number }): void => {
  requestAnimationFrame(() => {
    performance.clearMarks(MARK_TILES_PAINTED);
    performance.mark(MARK_TILES_PAINTED, { detail: figures });
  });
};
