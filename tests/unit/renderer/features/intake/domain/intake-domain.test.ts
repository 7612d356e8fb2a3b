import { describe, expect, it } from 'vitest';
import type { PickerItem } from '../../../../../../preload/contract';
import { createAutosave } from '../../../../../../renderer/features/intake/domain/autosave';
import { matchPickerItems } from '../../../../../../renderer/features/intake/domain/picker-match';
import { shortDateTime, timeOfDay } from '../../../../../../renderer/shared/format-time';

const item = (code: string, name: string, path: string, level: number, full: string, initials: string): PickerItem => ({
  code,
  name,
  path,
  level,
  full,
  initials,
});

const places = [
  item('3201', '南京市', '南京市', 1, 'nanjingshi', 'njs'),
  item('320102', '玄武区', '南京市 / 玄武区', 2, 'xuanwuqu', 'xwq'),
  item('320102999', '南京路街道', '上海 / 南京路街道', 3, 'nanjinglujiedao', 'njljd'),
  item('3205', '苏州市', '苏州市', 1, 'suzhoushi', 'szs'),
  item('320505', '虎丘区', '苏州市 / 虎丘区', 2, 'huqiuqu', 'hqq'),
];
const categories = [
  item('010104', '社保缴费', '社会保障 / 社会保险 / 社保缴费', 3, 'shebaojiaofei', 'sbjf'),
  item('010101', '养老保险', '社会保障 / 社会保险 / 养老保险', 3, 'yanglaobaoxian', 'ylbx'),
  item('040101', '施工噪音', '城市管理 / 噪音扰民 / 施工噪音', 3, 'shigongzaoyin', 'sgzy'),
];

describe('picker search', () => {
  it.each([
    ['nj', '3201'],
    ['NJ', '3201'],
    ['nanjing', '3201'],
    ['南京', '3201'],
    ['hqq', '320505'],
    ['虎丘', '320505'],
    ['sb', '010104'],
    ['sgzy', '040101'],
    ['噪音', '040101'],
  ])('%s finds %s first', (query, code) => {
    expect(matchPickerItems([...places, ...categories], query)[0]?.code).toBe(code);
  });

  it('puts the city before a street of the same name, and recent categories first among equals', () => {
    expect(matchPickerItems(places, 'nj').map((found) => found.code)).toEqual(['3201', '320102999']);
    expect(matchPickerItems(categories, 'bx', { recent: ['010101'] })[0]?.code).toBe('010101');
  });

  it('offers the recent items on an empty query, and only acceptable ones', () => {
    expect(matchPickerItems(categories, '', { recent: ['040101', 'gone', '010104'] }).map((found) => found.code)).toEqual([
      '040101',
      '010104',
    ]);
    expect(matchPickerItems(places, 'su', { accept: (found) => found.level >= 2 })).toEqual([]);
  });
});

describe('autosave timing', () => {
  const fakeTimers = () => {
    let now = 0;
    const pending: { at: number; callback: () => void; id: number }[] = [];
    let nextId = 1;
    return {
      timers: {
        set: (callback: () => void, ms: number) => {
          const id = nextId++;
          pending.push({ at: now + ms, callback, id });
          return id;
        },
        clear: (handle: unknown) => {
          const index = pending.findIndex((entry) => entry.id === handle);
          if (index >= 0) pending.splice(index, 1);
        },
      },
      advance: (ms: number) => {
        const until = now + ms;
        for (;;) {
          pending.sort((a, b) => a.at - b.at);
          const next = pending[0];
          if (!next || next.at > until) break;
          pending.shift();
          now = next.at;
          next.callback();
        }
        now = until;
      },
    };
  };

  it('saves 300 ms after the last change', () => {
    const clock = fakeTimers();
    const saves: number[] = [];
    let t = 0;
    const autosave = createAutosave(() => saves.push(t), { debounceMs: 300, maxWaitMs: 800, timers: clock.timers });
    autosave.changed();
    clock.advance(299);
    expect(saves).toEqual([]);
    t = 300;
    clock.advance(1);
    expect(saves).toEqual([300]);
  });

  it('still saves every 800 ms while the agent keeps typing', () => {
    const clock = fakeTimers();
    let saves = 0;
    const autosave = createAutosave(() => (saves += 1), { debounceMs: 300, maxWaitMs: 800, timers: clock.timers });
    for (let elapsed = 0; elapsed < 2000; elapsed += 100) {
      autosave.changed();
      clock.advance(100);
    }
    expect(saves).toBe(2);
    autosave.flush();
    expect(saves).toBe(3);
  });
});

describe('times in China time whatever the PC’s zone', () => {
  it('formats deadlines and save times in Asia/Shanghai', () => {
    expect(shortDateTime('2026-12-02T15:59:59.000Z', new Date('2026-11-27T00:00:00Z'))).toBe('12-02 23:59');
    expect(shortDateTime('2025-03-14T01:30:00Z', new Date('2026-11-27T00:00:00Z'))).toBe('2025-03-14 09:30');
    expect(timeOfDay('2026-11-27T06:03:22Z')).toBe('14:03:22');
  });
});
