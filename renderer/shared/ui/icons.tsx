/**
 * Line icons for the call controls, drawn here (no icon font: county PCs have no internet, and a
 * missing glyph would leave an empty box). 16 px, currentColor, hidden from screen readers: the
 * short label next to each icon is the button's name.
 */
const PATHS = {
  answer: 'M3 2.5l3 .5 1 3-1.8 1.2a9 9 0 0 0 3.6 3.6L10 9l3 1 .5 3c-1 .7-2 1-3 1C5.9 14 2 10.1 2 5.5c0-1 .3-2 1-3z',
  hangup: 'M1.5 9.5C3.5 7.5 5.7 6.6 8 6.6s4.5.9 6.5 2.9l-1.6 2-2.6-.8-.3-2a7 7 0 0 0-4 0l-.3 2-2.6.8z',
  hold: 'M5 3h2v10H5zM9 3h2v10H9z',
  mute: 'M8 2a2 2 0 0 1 2 2v4a2 2 0 0 1-4 0V4a2 2 0 0 1 2-2zM4 8a4 4 0 0 0 8 0M8 12v2M2 2l12 12',
  keypad: 'M3 3h2v2H3zM7 3h2v2H7zM11 3h2v2h-2zM3 7h2v2H3zM7 7h2v2H7zM11 7h2v2h-2zM3 11h2v2H3zM7 11h2v2H7zM11 11h2v2h-2z',
  transfer: 'M2 5h9M8 2l3 3-3 3M14 11H5M8 8l-3 3 3 3',
  dial: 'M3 2.5l3 .5 1 3-1.8 1.2a9 9 0 0 0 3.6 3.6L10 9l3 1 .5 3c-1 .7-2 1-3 1C5.9 14 2 10.1 2 5.5c0-1 .3-2 1-3zM11 1v5M8.5 3.5h5',
  more: 'M3 7h2v2H3zM7 7h2v2H7zM11 7h2v2h-2z',
  settings:
    'M8 5.5A2.5 2.5 0 1 1 8 10.5 2.5 2.5 0 0 1 8 5.5zM7 1h2l.4 1.9 1.4.6 1.6-1.1 1.4 1.4-1.1 1.6.6 1.4L15 7v2l-1.9.4-.6 1.4 1.1 1.6-1.4 1.4-1.6-1.1-1.4.6L9 15H7l-.4-1.9-1.4-.6-1.6 1.1-1.4-1.4 1.1-1.6-.6-1.4L1 9V7l1.9-.4.6-1.4-1.1-1.6 1.4-1.4 1.6 1.1 1.4-.6z',
} as const;

export type IconName = keyof typeof PATHS;

const FILLED: ReadonlySet<IconName> = new Set(['answer', 'hangup', 'hold', 'keypad', 'more']);

export const Icon = ({ name }: { name: IconName }) => (
  <svg className="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      d={PATHS[name]}
      fill={FILLED.has(name) ? 'currentColor' : 'none'}
      stroke={FILLED.has(name) ? 'none' : 'currentColor'}
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);
