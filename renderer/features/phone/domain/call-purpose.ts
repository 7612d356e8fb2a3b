/**
 * Why a call exists decides what it does to the console. A citizen's call rings, makes the agent
 * 通话中 and becomes a record the platform counts; a team lead's monitoring call must do none of
 * that; a training call rings and is recorded, but only locally and marked as training.
 */
import type { CallPurpose } from '../../../../preload/contract';

export type { CallPurpose };

export interface PurposeRules {
  /** Plays the ringer and shows 接听/拒接. */
  readonly rings: boolean;
  /** Must the agent be ready (示闲) for it to ring? Trainees practise while not ready for real calls. */
  readonly needsReadyAgent: boolean;
  /** Moves the agent to 通话中 and, at the end, to 话后整理. */
  readonly countsAsAgentCall: boolean;
  /** Written to the call records (通话记录). */
  readonly recorded: boolean;
  /** Goes to the platform with the record (training stays on this PC). */
  readonly synced: boolean;
  /** Pops the caller's history and opens an intake draft. */
  readonly screenPop: boolean;
}

const RULES: Readonly<Record<CallPurpose, PurposeRules>> = {
  citizen: { rings: true, needsReadyAgent: true, countsAsAgentCall: true, recorded: true, synced: true, screenPop: true },
  outbound: { rings: false, needsReadyAgent: false, countsAsAgentCall: true, recorded: true, synced: true, screenPop: false },
  // A consultation happens inside a call the agent is already on: it changes no state of its own.
  consult: { rings: false, needsReadyAgent: false, countsAsAgentCall: false, recorded: true, synced: true, screenPop: false },
  // Listening in is the lead's business, audited by the platform, not a call of the agent's.
  monitor: { rings: false, needsReadyAgent: false, countsAsAgentCall: false, recorded: false, synced: false, screenPop: false },
  training: { rings: true, needsReadyAgent: false, countsAsAgentCall: false, recorded: true, synced: false, screenPop: true },
};

export const purposeRules = (purpose: CallPurpose): PurposeRules => RULES[purpose];
