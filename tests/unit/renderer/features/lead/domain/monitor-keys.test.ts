import { describe, expect, it } from 'vitest';
import { monitorShortcut } from '../../../../../../renderer/features/lead/domain/monitor-keys';

const press = (code: string, key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; shiftKey: boolean }> = {}) =>
  monitorShortcut({ code, key, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('the lead’s monitoring keys', () => {
  it('Alt+1/2/3 pick the mode and Alt+0 ends, by the physical key whatever the layout types', () => {
    expect(press('Digit1', '¡')).toBe('listen');
    expect(press('Digit2', '2')).toBe('whisper');
    expect(press('Digit3', '3')).toBe('barge');
    expect(press('Digit0', '0')).toBe('stop');
  });

  it('leaves every other key alone: no Alt, other modifiers, other digits, letters', () => {
    expect(press('Digit1', '1', { altKey: false })).toBeNull();
    expect(press('Digit1', '1', { ctrlKey: true })).toBeNull();
    expect(press('Digit2', '@', { shiftKey: true })).toBeNull();
    expect(press('Digit4', '4')).toBeNull();
    expect(press('KeyQ', 'q')).toBeNull();
  });
});
