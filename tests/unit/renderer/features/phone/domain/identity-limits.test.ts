import { describe, expect, it } from 'vitest';
import {
  IDENTITY_HEADER_MAX,
  clipIdentityHeader,
  clipText,
} from '../../../../../../renderer/features/phone/domain/identity-limits';

describe('identity limits at the edge', () => {
  it('keeps ordinary headers as they are', () => {
    const from = '"王芳" <sip:13812345678@carrier.example>;tag=9';
    expect(clipIdentityHeader(from)).toBe(from);
    expect(clipIdentityHeader(null)).toBeNull();
  });

  it('an over-long header keeps the URI that identifies the caller, without the padding', () => {
    const from = `"${'名'.repeat(9000)}" <sip:13812345678@carrier.example>;tag=9;${'p=1;'.repeat(100)}`;
    expect(clipIdentityHeader(from)).toBe('<sip:13812345678@carrier.example>');
    const bare = `sip:13812345678@carrier.example;${'x'.repeat(IDENTITY_HEADER_MAX)}`;
    expect(clipIdentityHeader(bare)).toHaveLength(IDENTITY_HEADER_MAX);
  });

  it('shortens a long Call-ID or user instead of refusing it', () => {
    expect(clipText('c'.repeat(300), 200)).toHaveLength(200);
    expect(clipText(undefined, 200)).toBeNull();
  });
});
