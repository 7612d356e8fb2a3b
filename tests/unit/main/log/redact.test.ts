import { readFileSync, readdirSync, statSync } from 'node:fs';
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
    ['回拨 139-8765-4321', '回拨 139****21'],
    ['回拨 139 8765 4321', '回拨 139****21'],
    ['+86 139 8765 4321', '+86****21'],
    ['座机 0512 6523 1234', '座机 051****34'],
    ['座机 0512-6523-1234', '座机 051****34'],
    ['座机 0512-6523123', '座机 051****23'],
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

  it('rotates the file by size and keeps a bounded number of generations', () => {
    const dir = join(tempDir(), 'logs');
    const log = createLogger({ file: join(dir, 'desk.log'), maxBytes: 10_000, keep: 2, perEventPerWindow: 1_000_000 });
    for (let index = 0; index < 2_000; index += 1) log.info('sync.pushed', { items: index });
    expect(readdirSync(dir).sort()).toEqual(['desk.log', 'desk.log.1', 'desk.log.2']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(10_000);
    const newest = readFileSync(join(dir, 'desk.log'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(newest)).toMatchObject({ event: 'sync.pushed', items: 1999 });
  });

  it('turns a flood of one event into a count, and still logs other events', () => {
    const file = join(tempDir(), 'desk.log');
    let now = 1_000_000;
    const log = createLogger({ file, perEventPerWindow: 5, windowMs: 60_000, now: () => now });
    for (let index = 0; index < 10_000; index += 1) log.warn('shell.socket-refused', { reason: 'token' });
    log.info('settings.saved');
    now += 61_000;
    log.warn('shell.socket-refused', { reason: 'token' });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.event === 'shell.socket-refused')).toHaveLength(6);
    expect(lines.filter((line) => line.event === 'settings.saved')).toHaveLength(1);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'log.suppressed', of: 'shell.socket-refused', count: 9_995 }));
    expect(readFileSync(file).length).toBeLessThan(2_000);
  });

  it('says when it could not write, so nobody claims 已记录日志', () => {
    const dir = tempDir();
    const log = createLogger({ file: join(dir, 'logs', 'desk.log') });
    log.info('a');
    expect(log.writable()).toBe(true);
    const broken = createLogger({ file: join(dir, 'logs') });
    broken.info('b');
    expect(broken.writable()).toBe(false);
  });
});
