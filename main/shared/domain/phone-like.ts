/**
 * Chinese phone numbers as people write them, anywhere in a text: 13987654321, 139-8765-4321,
 * 139 8765 4321, +86/0086 in front, 025-83001234, 0512 6523 1234. A fresh RegExp each time: a
 * shared global one would carry its lastIndex from one caller to the next.
 */
export const phoneLikePattern = (): RegExp =>
  /(?<!\d)(?:(?:\+|00)?86[- ]?)?(?:1[3-9]\d(?:[- ]?\d{4}){2}|0\d{2,3}[- ]?\d{3,4}[- ]?\d{4})(?!\d)/g;
