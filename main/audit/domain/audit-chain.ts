import { createHash } from 'node:crypto';

/**
 * The audit log is a hash chain: each entry's hash covers its content and the previous entry's
 * hash, so editing, deleting or reordering an entry breaks every link after it. SHA-256 (GB/T
 * 39786 accepts SM3 or an internationally recognised hash; SHA-256 is in every runtime we ship).
 * Someone with the file can rebuild the whole chain after an edit: the platform, which keeps what
 * it already received, sees that as a fork or a gap.
 */
export interface ChainedAuditFields {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly screen: string;
  readonly callerId: string | null;
  readonly workOrderId: string | null;
  readonly detail: string | null;
  readonly consoleId: string;
}

/** The hash before the first entry. */
export const GENESIS = '';

export const auditHash = (prevHash: string, entry: ChainedAuditFields): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        prevHash,
        entry.id,
        entry.at,
        entry.actor,
        entry.action,
        entry.screen,
        entry.callerId,
        entry.workOrderId,
        entry.detail,
        entry.consoleId,
      ]),
    )
    .digest('hex');

export interface ChainedAuditEntry extends ChainedAuditFields {
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainProblem =
  | { readonly kind: 'edited'; readonly id: string }
  | { readonly kind: 'broken_link'; readonly id: string }
  | { readonly kind: 'gap'; readonly id: string }
  | { readonly kind: 'fork'; readonly id: string };

/** A console's own log, in the order it was written: every problem, oldest first. */
export const verifyLocalChain = (entries: readonly ChainedAuditEntry[]): ChainProblem[] => {
  const problems: ChainProblem[] = [];
  let previous = GENESIS;
  for (const entry of entries) {
    if (auditHash(entry.prevHash, entry) !== entry.hash) problems.push({ kind: 'edited', id: entry.id });
    if (entry.prevHash !== previous) problems.push({ kind: 'broken_link', id: entry.id });
    previous = entry.hash;
  }
  return problems;
};

/**
 * What a platform received from one console, in any arrival order: every entry must hash to what
 * it says, name a previous entry the platform has (or be the first), and no two entries may claim
 * the same previous one. An entry whose previous one has not arrived yet is a gap until it does.
 */
export const verifyReceivedChain = (entries: readonly ChainedAuditEntry[]): ChainProblem[] => {
  const problems: ChainProblem[] = [];
  const hashes = new Set(entries.map((entry) => entry.hash));
  const successors = new Map<string, string[]>();
  for (const entry of entries) {
    if (auditHash(entry.prevHash, entry) !== entry.hash) problems.push({ kind: 'edited', id: entry.id });
    if (entry.prevHash !== GENESIS && !hashes.has(entry.prevHash)) problems.push({ kind: 'gap', id: entry.id });
    successors.set(entry.prevHash, [...(successors.get(entry.prevHash) ?? []), entry.id]);
  }
  for (const ids of successors.values()) if (ids.length > 1) for (const id of ids.slice(1)) problems.push({ kind: 'fork', id });
  return problems;
};
