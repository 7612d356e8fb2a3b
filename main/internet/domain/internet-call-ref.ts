/** A draft made from an internet request carries this call reference: no call, the request instead. */
export const INTERNET_CALL_REF_PREFIX = 'internet:';

export const internetCallRef = (itemId: string): string => `${INTERNET_CALL_REF_PREFIX}${itemId}`;

const ITEM_ID = /^internet:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The internet request a draft was made from, or null for a call's draft or one with no call. */
export const internetItemOf = (callRef: string | null): string | null => (callRef ? (ITEM_ID.exec(callRef)?.[1] ?? null) : null);
