import type { HallSettings } from '../../../../preload/contract';

export type Level = 'ok' | 'warn' | 'bad';

export interface TileThresholds {
  /** Callers waiting: warn at, bad at. */
  readonly waiting: readonly [number, number];
  /** Longest wait in seconds: warn at, bad at. */
  readonly longestWaitSeconds: readonly [number, number];
  /** How far below the service-level target warns before it is bad (0.05 = 5 points). */
  readonly serviceLevelMargin: number;
}

export const DEFAULT_TILE_THRESHOLDS: TileThresholds = {
  waiting: [3, 10],
  longestWaitSeconds: [20, 30],
  serviceLevelMargin: 0.05,
};

export const countLevel = (value: number, [warn, bad]: readonly [number, number]): Level =>
  value >= bad ? 'bad' : value >= warn ? 'warn' : 'ok';

/** 30 秒人工接通率 against the centre's target: at or above it ok; within the margin warn; below bad. */
export const serviceLevel = (rate: number | null, settings: HallSettings, thresholds = DEFAULT_TILE_THRESHOLDS): Level => {
  if (rate === null || rate >= settings.serviceLevelTarget) return 'ok';
  return rate >= settings.serviceLevelTarget - thresholds.serviceLevelMargin ? 'warn' : 'bad';
};
