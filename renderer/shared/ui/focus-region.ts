/**
 * Jump keys (Alt+1/2/3 by default) move the focus to a region's first field. Regions mark themselves
 * with these ids; the app's shortcut handler calls focusRegion.
 */
export const REGION_IDS = { caller: 'region-caller', intake: 'region-intake', kb: 'region-kb' } as const;
export type RegionName = keyof typeof REGION_IDS;

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

export const focusRegion = (region: RegionName): void => {
  const root = document.getElementById(REGION_IDS[region]);
  if (!root) return;
  const first = region === 'caller' ? null : root.querySelector<HTMLElement>(FOCUSABLE);
  (first ?? root).focus();
};
