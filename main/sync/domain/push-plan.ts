export interface OutboxItem {
  readonly seq: number;
  readonly itemId: string;
  readonly stream: string;
  readonly recordId: string;
  readonly state: 'pending' | 'acked' | 'quarantined';
}

/**
 * The next batch to push: pending items in outbox order, except those of a record that has an
 * earlier item quarantined or still in flight: a record's changes reach the platform in order or
 * not at all, while other records go on. `blocked` carries the blocked records across windows of
 * the outbox; `maxBytes` keeps a batch under the platform's request limit (an item larger than it
 * goes alone, and the platform's refusal quarantines it instead of failing every batch).
 */
export const nextPushBatch = <T extends OutboxItem & { readonly payloadJson?: string }>(
  items: readonly T[],
  maxItems: number,
  /** `continuing`: items are already in the batch, so even the first one here must fit in what is left. */
  options: { readonly blocked?: Set<string>; readonly maxBytes?: number; readonly continuing?: boolean } = {},
): { readonly items: T[]; readonly bytes: number; readonly full: boolean } => {
  const blocked = options.blocked ?? new Set<string>();
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (item.state === 'acked') continue;
    if (item.state === 'quarantined' || blocked.has(item.recordId)) {
      blocked.add(item.recordId);
      continue;
    }
    // UTF-16 length × 3 bounds the UTF-8 size (CJK text is 3 bytes a character) without encoding it.
    const size = (item.payloadJson?.length ?? 0) * 3;
    if ((batch.length > 0 || options.continuing === true) && bytes + size > maxBytes) return { items: batch, bytes, full: true };
    batch.push(item);
    bytes += size;
    if (batch.length >= maxItems) return { items: batch, bytes, full: true };
  }
  return { items: batch, bytes, full: false };
};
