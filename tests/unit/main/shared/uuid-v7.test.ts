import { describe, expect, it } from 'vitest';
import { isUuid, uuidv7 } from '../../../../main/shared/domain/uuid-v7';

describe('UUIDv7', () => {
  it('has version 7, the RFC variant and the creation time in its first 48 bits', () => {
    const at = Date.UTC(2026, 10, 27, 8, 0, 0);
    const id = uuidv7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts by creation time, also within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => uuidv7(1_700_000_000_000 + Math.floor(index / 100)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });

  it('rejects what is not a UUID', () => {
    expect(isUuid('0192f0c6-0000-7000-8000-00000000000')).toBe(false);
    expect(isUuid("1' OR '1'='1")).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
