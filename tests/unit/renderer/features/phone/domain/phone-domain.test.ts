import { describe, expect, it } from 'vitest';
import { incomingCallAnswer } from '../../../../../../renderer/features/agent-state/domain/agent-state';
import { callQuality, estimateMos, flaggedPoor } from '../../../../../../renderer/features/phone/domain/call-quality';
import { deviceIdForLabel, newlyPlugged } from '../../../../../../renderer/features/phone/media/audio-devices';
import { matchesShortcut } from '../../../../../../renderer/shared/keyboard/shortcut';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('call quality', () => {
  it('a clean loopback call rates good; loss and delay pull the MOS down', () => {
    expect(estimateMos(0, 10)).toBeGreaterThan(4.3);
    expect(estimateMos(5, 10)).toBeLessThan(estimateMos(1, 10));
    expect(estimateMos(0, 400)).toBeLessThan(3.6);
  });

  it('loss is counted between two readings, not since the call began', () => {
    const first = { at: 0, packetsReceived: 1000, packetsLost: 100, jitterSeconds: 0.002, roundTripSeconds: 0.02 };
    const second = { at: 2000, packetsReceived: 1100, packetsLost: 100, jitterSeconds: 0.002, roundTripSeconds: 0.02 };
    expect(callQuality(first, second)).toMatchObject({ lossPercent: 0, jitterMs: 2, rttMs: 20, grade: 'good' });
    const lossy = { ...second, packetsReceived: 1090, packetsLost: 110 };
    expect(callQuality(first, lossy).lossPercent).toBe(10);
    expect(callQuality(first, lossy).grade).toBe('poor');
  });
});

describe('shortcuts', () => {
  it('match exactly the configured modifiers', () => {
    expect(matchesShortcut('F2', key('F2'))).toBe(true);
    expect(matchesShortcut('F2', key('F2', { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut('Ctrl+Alt+H', key('h', { ctrlKey: true, altKey: true }))).toBe(true);
    expect(matchesShortcut('Ctrl+Alt+H', key('h', { ctrlKey: true }))).toBe(false);
  });
});

describe('refusal while not ready', () => {
  it('uses the configured response; busy stays 486', () => {
    expect(incomingCallAnswer({ kind: 'not-ready', reason: '会议' }, 486)).toEqual({ ring: false, status: 486 });
    expect(incomingCallAnswer({ kind: 'signed-out' }, 480)).toEqual({ ring: false, status: 480 });
    expect(incomingCallAnswer({ kind: 'wrap-up', previous: { kind: 'ready' }, until: 0 }, 480)).toEqual({
      ring: false,
      status: 486,
    });
  });
});

describe('audio devices are remembered by label', () => {
  const device = (kind: MediaDeviceKind, label: string, deviceId: string) => ({
    kind,
    label,
    deviceId,
    groupId: '',
    toJSON: () => ({}),
  });
  const before = [device('audioinput', '内置麦克风', 'a1'), device('audiooutput', '内置扬声器', 'b1')];
  const after = [...before, device('audioinput', 'Jabra Evolve 40', 'a9'), device('audiooutput', 'Jabra Evolve 40', 'b9')];

  it('finds a device by label whatever its id is today, and falls back to the default when it is gone', () => {
    expect(deviceIdForLabel(after, 'Jabra Evolve 40')).toBe('a9');
    expect(deviceIdForLabel(before, 'Jabra Evolve 40')).toBeNull();
    expect(deviceIdForLabel(after, '')).toBeNull();
  });

  it('tells which devices a hot-plug added', () => {
    expect(newlyPlugged(before, after).map((entry) => `${entry.kind}:${entry.label}`)).toEqual([
      'audioinput:Jabra Evolve 40',
      'audiooutput:Jabra Evolve 40',
    ]);
    expect(newlyPlugged(after, before)).toEqual([]);
  });
});

describe('the poor-quality flag the lead sees', () => {
  it('is raised below 3.4 and cleared only above 3.7: a line hovering at the edge changes nothing', () => {
    const readings = [4.2, 3.3, 3.5, 3.3, 3.6, 3.4, 3.8, 3.5, 3.3];
    let flagged = false;
    const changes: number[] = [];
    for (const mos of readings) {
      const next = flaggedPoor(flagged, mos);
      if (next !== flagged) changes.push(mos);
      flagged = next;
    }
    expect(changes).toEqual([3.3, 3.8, 3.3]);
  });
});
