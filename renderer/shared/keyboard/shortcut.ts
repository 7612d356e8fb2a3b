/** 'Ctrl+Alt+H', 'F2': the shortcut notation of the phone preferences, matched against a key press. */
export const matchesShortcut = (
  shortcut: string,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>,
): boolean => {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const wanted = new Set(parts);
  if (wanted.has('Ctrl') !== event.ctrlKey || wanted.has('Alt') !== event.altKey || wanted.has('Shift') !== event.shiftKey)
    return false;
  if (event.metaKey) return false;
  const pressed = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return pressed === key;
};

/** Shown in tooltips: "接听 (F2)". */
export const withShortcut = (label: string, shortcut: string | undefined): string =>
  shortcut ? `${label}（${shortcut}）` : label;
