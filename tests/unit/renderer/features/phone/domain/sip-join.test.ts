import { describe, expect, it } from 'vitest';
import {
  joinMatches,
  monitorInviteHeaders,
  parseJoin,
  parseMonitorMode,
} from '../../../../../../renderer/features/phone/domain/sip-join';

const dialog = { callId: 'a84b4c76e66710@pc33', localTag: '1928301774', remoteTag: '314159' };

describe('the Join header of a lead’s INVITE', () => {
  it('reads the Call-ID and the tags, and matches the dialog they name (tags in either order, or none)', () => {
    const full = parseJoin('a84b4c76e66710@pc33;to-tag=314159;from-tag=1928301774');
    expect(full).toEqual({ callId: 'a84b4c76e66710@pc33', toTag: '314159', fromTag: '1928301774' });
    expect(joinMatches(full!, dialog)).toBe(true);
    expect(joinMatches(parseJoin('a84b4c76e66710@pc33;from-tag=314159;to-tag=1928301774')!, dialog)).toBe(true);
    expect(joinMatches(parseJoin('a84b4c76e66710@pc33')!, dialog)).toBe(true);
    expect(joinMatches(parseJoin('a84b4c76e66710@pc33;to-tag=999')!, dialog)).toBe(false);
    expect(joinMatches(parseJoin('another@pc33')!, dialog)).toBe(false);
  });

  it('refuses what is not one: empty, spaces, an empty tag, header smuggling', () => {
    for (const value of [undefined, '', ' ', 'a b', 'abc;to-tag=', 'abc;=x', 'abc\r\nX-Evil: 1'])
      expect(parseJoin(value)).toBeNull();
  });

  it('knows the three modes only', () => {
    expect(parseMonitorMode(' Whisper ')).toBe('whisper');
    expect(parseMonitorMode('shout')).toBeNull();
    expect(parseMonitorMode(null)).toBeNull();
  });

  it('builds the INVITE headers only from values that cannot break the message', () => {
    expect(monitorInviteHeaders({ joinSipCallId: 'abc@pbx', token: 'eyJ2IjoxfQ.c2ln', mode: 'listen' })).toEqual([
      'Join: abc@pbx',
      'Require: join',
      'X-Minsheng-Monitor-Token: eyJ2IjoxfQ.c2ln',
      'X-Minsheng-Monitor-Mode: listen',
    ]);
    expect(() => monitorInviteHeaders({ joinSipCallId: 'abc\r\nBye: 1', token: 'a.b', mode: 'listen' })).toThrow('通话标识无效');
    expect(() => monitorInviteHeaders({ joinSipCallId: 'abc', token: 'a b.c', mode: 'listen' })).toThrow('平台许可格式无效');
  });
});
