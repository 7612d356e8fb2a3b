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
 * not at all, while other records go on.
 */
export const nextPushBatch = <T extends OutboxItem>(items: readonly T[], maxItems: number): T[] => {
  const blocked = new Set<string>();
  const batch: T[] = [];
  for (const item of items) {
    if (item.state === 'acked') continue;
    if (item.state === 'quarantined' || blocked.has(item.recordId)) {
      blocked.add(item.recordId);
      continue;
    }
    batch.push(item);
    if (batch.length >= maxItems) break;
  }
  return batch;
};
