/**
 * What the console keeps of a caller's identity headers. A legal INVITE may carry a From of
 * several kilobytes (a long display name, many parameters) or a 300-character Call-ID; the call
 * and its record must survive that, so values are shortened here, at the edge, never refused.
 */
export const IDENTITY_HEADER_MAX = 8192;

export const clipText = (value: string | undefined | null, max: number): string | null =>
  value === undefined || value === null ? null : value.length <= max ? value : value.slice(0, max);

/**
 * An over-long identity header keeps what identifies the caller: the first `<uri>` (or the bare
 * URI), without the display name and parameters that made it long.
 */
export const clipIdentityHeader = (value: string | undefined | null): string | null => {
  if (value === undefined || value === null) return null;
  if (value.length <= IDENTITY_HEADER_MAX) return value;
  const angle = /<([^<>]{1,2000})>/.exec(value);
  if (angle) return `<${angle[1]}>`;
  return value.slice(0, IDENTITY_HEADER_MAX);
};
