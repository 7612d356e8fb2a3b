/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capitals
 * without I, O, S, V, Z) — registration authority (1), entity category (1), the registering
 * authority's administrative division (6 digits), the entity's identifier (9) and a check character
 * computed over the first 17 with weights 3^(i-1) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, index) => 3 ** index % 31);

export type CreditCodeCheck = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly message: string };

/** What an agent types: spaces and dashes dropped, lower case raised (a code has no lower case). */
export const normalizeCreditCode = (typed: string): string => typed.replace(/[\s\-－—]/g, '').toUpperCase();

export const creditCodeCheckCharacter = (first17: string): string => {
  const sum = [...first17].reduce((total, character, index) => total + ALPHABET.indexOf(character) * WEIGHTS[index]!, 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
};

export const checkCreditCode = (typed: string): CreditCodeCheck => {
  const code = normalizeCreditCode(typed);
  if (code.length !== 18) return { ok: false, message: `统一社会信用代码应为 18 位，现在是 ${code.length} 位` };
  const foreign = [...code].find((character) => !ALPHABET.includes(character));
  if (foreign !== undefined) {
    const hint = 'IOSVZ'.includes(foreign) ? '（代码不用 I、O、S、V、Z，可能是 1、0、5、U、2）' : '';
    return { ok: false, message: `统一社会信用代码含有不允许的字符“${foreign}”${hint}` };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, message: '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return { ok: false, message: `统一社会信用代码校验位不符：按前 17 位第 18 位应为“${expected}”，请与企业核对` };
  }
  return { ok: true, code };
};
