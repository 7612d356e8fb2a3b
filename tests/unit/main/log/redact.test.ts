import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../main/log/logger';
import { maskPhoneLike, redactFields } from '../../../../main/log/redact';
import { useTempDirs } from '../../../harness/temp-dir';

const tempDir = useTempDirs();

describe('log redaction', () => {
  it.each([
    ['来电 13812345678 已接听', '来电 138****78 已接听'],
    ['+86 13812345678', '+86****78'],
    ['座机 025-83001234', '座机 025****34'],
    ['051267891234', '051****34'],
    ['分机 8001 注册成功', '分机 8001 注册成功'],
    ['工单 3205052026112700012', '工单 3205052026112700012'],
  ])('masks phone numbers in %s', (input, expected) => {
    expect(maskPhoneLike(input)).toBe(expected);
  });

  it('drops values under sensitive keys whatever they hold', () => {
    expect(redactFields({ password: 'x', sipPassword: 'y', token: 'z', callerNumber: '1', name: '张三', count: 3 })).toEqual({
      password: '[redacted]',
      sipPassword: '[redacted]',
      token: '[redacted]',
      callerNumber: '[redacted]',
      name: '[redacted]',
      count: 3,
    });
  });

  it('writes JSON lines to the log file with personal data already removed', () => {
    const file = join(tempDir(), 'logs', 'desk.log');
    const log = createLogger({ file });
    log.info('call.rang', { from: '13812345678', token: 'abc', queue: '12345' });
    const line = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', event: 'call.rang', from: '138****78', token: '[redacted]', queue: '12345' });
  });
});
