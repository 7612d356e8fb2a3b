/** What components and shortcuts call. */
import type { PhonePreferences } from '../../../../preload/contract';
import { desk } from '../../../shared/desk/desk-client';
import { hideAfterRevealWindow } from '../../../shared/privacy/reveal-window';
import { type CallView } from '../phone-store';
import { MARK_ANSWER_CLICK, failure, get, need, notice, set } from './runtime';
import { answerCall, stepAndSave } from './call-steps';
import { devicesChanged, microphoneId } from './devices';
import { monitoredCallMuted } from './monitoring';

// ── actions (called by components and shortcuts) ────────────────────────────

const focusedLiveCall = (): CallView | null => {
  const live = Object.values(get().calls).filter((call) => call.state.kind !== 'ended');
  return live.find((call) => call.consult) ?? live[0] ?? null;
};

export const answerClicked = (): void => {
  const ringing = Object.values(get().calls).find((call) => call.state.kind === 'ringing');
  if (!ringing) return;
  performance.clearMarks(MARK_ANSWER_CLICK);
  performance.mark(MARK_ANSWER_CLICK);
  void answerCall(ringing.id);
};

export const rejectClicked = (): void => {
  const ringing = Object.values(get().calls).find((call) => call.state.kind === 'ringing');
  if (ringing) void need().engine.reject(ringing.id, 486).catch(failure);
};

export const hangupClicked = (): void => {
  const call = focusedLiveCall();
  if (!call) return;
  const at = Date.now();
  // The call is over for the agent once the BYE is out: its answer may never come after a PBX
  // restart, and the record and the agent state must not wait 32 s for a transaction timeout.
  // A BYE sip.js refuses (a transaction still open after a reconnect) ends the call here all the
  // same: the agent hung up, the record and the agent state say so.
  void need()
    .engine.hangup(call.id)
    .catch(failure)
    .finally(() => stepAndSave(call.id, { type: 'hangup', at }));
};

export const holdToggled = async (): Promise<void> => {
  const call = focusedLiveCall();
  if (!call || call.state.kind !== 'active') return;
  const held = !call.state.held;
  try {
    await need().engine.setHeld(call.id, held);
    stepAndSave(call.id, { type: held ? 'hold' : 'resume' });
  } catch (error) {
    failure(error);
  }
};

export const muteToggled = (): void => {
  const call = focusedLiveCall();
  if (!call || call.state.kind !== 'active') return;
  const muted = !call.state.muted;
  const conference = need().conference;
  if (conference) {
    conference.setMuted(muted);
    Object.values(get().calls)
      .filter((view) => view.state.kind === 'active')
      .forEach((view) => stepAndSave(view.id, { type: muted ? 'mute' : 'unmute' }));
    return;
  }
  if (!monitoredCallMuted(call.id, muted)) need().engine.setMuted(call.id, muted);
  stepAndSave(call.id, { type: muted ? 'mute' : 'unmute' });
};

export const digitPressed = (digit: string): void => {
  const call = focusedLiveCall();
  if (!call || call.state.kind !== 'active') return;
  void need()
    .engine.sendDtmf(call.id, digit, need().account?.preferences.dtmfMode ?? 'rfc4733')
    .catch(failure);
};

const validTarget = (target: string): string | null => {
  const trimmed = target.replace(/[\s-]/g, '');
  return /^\+?\d{2,20}$/.test(trimmed) ? trimmed : null;
};

/** 外呼 and 回访: a number typed or clicked in the caller panel. */
export const dialRequested = async (target: string): Promise<boolean> => {
  const number = validTarget(target);
  if (!number) {
    notice('号码格式不正确');
    return false;
  }
  if (get().registration.kind !== 'registered') {
    notice('尚未注册到话务服务器，不能外呼');
    return false;
  }
  const active = Object.values(get().calls).find((call) => call.state.kind === 'active' && !call.state.held);
  // A dial during a call is a consultation: the caller is held first so they do not hear it.
  if (active) await holdToggled();
  try {
    await need().engine.dial(number, microphoneId());
    // A consultation keeps the transfer panel open: 完成转接 is the next step.
    if (get().panel === 'dial') set({ panel: 'none' });
    return true;
  } catch (error) {
    failure(error);
    return false;
  }
};

export const blindTransferRequested = async (target: string): Promise<void> => {
  const number = validTarget(target);
  const call = Object.values(get().calls).find((view) => view.state.kind === 'active' && !view.consult);
  if (!number || !call) {
    notice(number ? '没有可转接的通话' : '转接号码格式不正确');
    return;
  }
  try {
    await need().engine.blindTransfer(call.id, number);
    stepAndSave(call.id, { type: 'transferred', at: Date.now(), target: number });
    set({ panel: 'none' });
  } catch (error) {
    failure(error);
  }
};

/** 紧急转警: one click to 110/119/120, recorded as a transfer like any other. */
export const emergencyTransferRequested = (target: string): Promise<void> => blindTransferRequested(target);

/** Completes an attended transfer: the held caller is connected to the consulted party. */
export const attendedTransferCompleted = async (): Promise<void> => {
  const calls = Object.values(get().calls).filter((call) => call.state.kind === 'active');
  const main = calls.find((call) => !call.consult);
  const consult = calls.find((call) => call.consult);
  if (!main || !consult) {
    notice('需要先与转接对象建立咨询通话');
    return;
  }
  try {
    await need().engine.attendedTransfer(main.id, consult.id);
    stepAndSave(main.id, { type: 'transferred', at: Date.now(), target: consult.remoteUser });
    stepAndSave(consult.id, { type: 'transferred', at: Date.now(), target: consult.remoteUser });
  } catch (error) {
    failure(error);
  }
};

export const noticeDismissed = (): void => notice(null);

/** 模拟来电: rings through the training engine, so it takes the path of a PBX's call. */
export const trainingCallPlaced = (ring: { from: string; privacy: string | null; remoteUser: string }): void => {
  const busy = Object.values(get().calls).some((call) => call.state.kind !== 'ended');
  if (busy) {
    notice('通话中，不能模拟来电');
    return;
  }
  need().training.ring(ring);
};

/** 结束模拟: the training call ends as the agent's hangup (or refusal, while it still rings). */
export const trainingCallEnded = (): void => {
  const call = Object.values(get().calls).find((view) => view.purpose === 'training' && view.state.kind !== 'ended');
  if (!call) return;
  if (call.state.kind === 'ringing') void need().engine.reject(call.id, 486).catch(failure);
  else hangupClicked();
};

/** Saved through main (which validates); the running phone takes the new devices and rules at once. */
export const preferencesSaved = async (
  preferences: PhonePreferences,
): Promise<{ ok: true } | { ok: false; message: string; fields: Record<string, string> }> => {
  const result = await desk().phone.savePreferences(preferences);
  if (!result.ok) {
    const fields = Object.fromEntries(
      (result.error.fields ?? []).map((problem) => [problem.field.split('.')[0] ?? '', problem.message]),
    );
    return { ok: false, message: result.error.message, fields };
  }
  const rt = need();
  if (rt.account) rt.account = { ...rt.account, preferences: result.value };
  set({ preferences: result.value, preferencesOpen: false });
  await devicesChanged();
  return { ok: true };
};

/** 通话记录: this console's latest calls, answered or not, each with 回访. */
/** 显示 in 通话记录: the clear number of a masked row, recorded in the audit log like the caller panel's. */
export const callHistoryRevealRequested = async (callId: string): Promise<void> => {
  const result = await desk().history.revealNumber({ callId, screen: 'call-history' });
  if (!result.ok) {
    notice(`号码显示失败：${result.error.message}`);
    return;
  }
  const clear = result.value.display.replace(/\s/g, '');
  set({ revealedNumbers: { ...get().revealedNumbers, [callId]: clear } });
  hideAfterRevealWindow(() => {
    if (get().revealedNumbers[callId] !== clear) return;
    const { [callId]: _hidden, ...rest } = get().revealedNumbers;
    set({ revealedNumbers: rest });
  });
};

export const callHistoryOpened = async (): Promise<void> => {
  set({ panel: 'history', notice: null });
  const result = await desk().phone.recentCalls({ limit: 20 });
  if (result.ok) set({ recentCalls: result.value });
  else notice(`通话记录读取失败：${result.error.message}`);
};
