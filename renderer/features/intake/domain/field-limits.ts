/**
 * The longest value each free-text field may hold: the same numbers as the contract's schema
 * (preload/contract/intake-contract.ts), which the renderer may not import at run time. Typing or
 * pasting stops at the limit, so a draft is never refused as a whole for one field.
 */
export const FIELD_LIMITS = {
  callerName: 40,
  contactNumber: 40,
  address: 200,
  title: 100,
  content: 5000,
  reply: 5000,
  dispatchNote: 1000,
  enterpriseName: 100,
  creditCode: 30,
} as const;

export type LimitedField = keyof typeof FIELD_LIMITS;

/** Counters show once a field is past this share of its limit (title and content always). */
export const showCounter = (field: LimitedField, length: number): boolean =>
  field === 'title' || field === 'content' || length >= FIELD_LIMITS[field] * 0.8;
