/**
 * What a trainer types as 来电号码, as the carrier would send it: 13812345678, 138 1234 5678,
 * 0512-65231234, +86 138…, even (0512)65231234. The result is a From header the real ring path
 * parses like any other, so the screen-pop sees exactly what a real call would give it.
 */
export type TrainingIdentity =
  | { readonly ok: true; readonly from: string; readonly remoteUser: string; readonly privacy?: 'id' }
  | { readonly ok: false; readonly message: string };

export const trainingIdentity = (typed: { number: string; name: string; withheld: boolean }): TrainingIdentity => {
  const digits = typed.number.replace(/[\s\-().（）]/g, '');
  // No number and 隐藏号码: what a carrier sends for a withheld caller.
  if (digits === '' && typed.withheld)
    return {
      ok: true,
      from: '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=training',
      remoteUser: 'anonymous',
      privacy: 'id',
    };
  if (!/^\+?\d{3,20}$/.test(digits))
    return { ok: false, message: '请输入来电号码，例如 13812345678、0512-65231234 或 +86 138 1234 5678' };
  const name = typed.name
    .replace(/["\\\r\n<>]/g, '')
    .trim()
    .slice(0, 40);
  const from = `${name ? `"${name}" ` : ''}<sip:${digits}@training.invalid>;tag=training`;
  return typed.withheld ? { ok: true, from, remoteUser: digits, privacy: 'id' } : { ok: true, from, remoteUser: digits };
};
