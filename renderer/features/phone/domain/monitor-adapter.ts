/**
 * The lead's monitoring buttons drive a session through this (docs/monitoring.md). The console
 * bridge (the agent's console mixes, controller/monitoring.ts) is the one implementation; a PBX's
 * own monitoring (ChanSpy, eavesdrop, Huawei CEC 侦听/耳语/插入) would be another.
 */
import type { MonitorMode } from '../../../../preload/contract/monitor-contract';

export interface MonitorAdapter {
  /** Starts a session on the agent's current call in this mode. */
  start(agentId: string, mode: MonitorMode): Promise<void>;
  /** Switches mode; rejects when the permission or the PBX refuses it (the mode stays as it was). */
  switchMode(mode: MonitorMode): Promise<void>;
  /** Ends the session; the agent's call goes on. */
  stop(): Promise<void>;
}
