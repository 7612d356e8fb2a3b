import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor } from '../../../../main/diagnostics/domain/redact-text';

describe('redaction of a diagnostics bundle', () => {
  it('removes every known value wherever it appears, the longest first', () => {
    const redactor = createRedactor(['王芳', '金门路 518 号', '金门路 518 号颐和苑 7 栋', ' ', '王']);
    const { text, count } = redactor.redact('{"note":"王芳住金门路 518 号颐和苑 7 栋，王芳说"}');
    expect(text).toBe(`{"note":"${REDACTED.value}住${REDACTED.value}，${REDACTED.value}说"}`);
    expect(count).toBe(3);
    // One character and blanks are not values: they would erase the whole log.
    expect(redactor.redact('王先生').text).toBe('王先生');
  });

  it('removes numbers by shape: phones in any writing, ID numbers, and any run of 7 digits', () => {
    const redactor = createRedactor([]);
    const input =
      '来电 139-8765-0123、+86 13987650123、0086 139 8765 0123、025-83001234、身份证 32050519800101123X、工号 1234567';
    const { text } = redactor.redact(input);
    expect(text).not.toMatch(/\d{7}|8765|8300/);
    expect(text).toContain(REDACTED.idNumber);
    expect(text).toContain(REDACTED.phone);
    expect(text).toContain(REDACTED.digits);
    // Times, versions and counts stay readable.
    expect(redactor.redact('2026-12-03T06:35:45.123Z v0.1.0 count 42').text).toBe('2026-12-03T06:35:45.123Z v0.1.0 count 42');
  });
});
