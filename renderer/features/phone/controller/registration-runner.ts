/** Performs the registration machine's effects one after another: never two connections or REGISTERs in flight. */
import { type RegistrationEffect, type RegistrationEvent, stepRegistration } from '../domain/registration';
import { MARK_REGISTER, failure, get, need, notice, set } from './runtime';
import { stepAndSave } from './call-steps';

// ── registration ─────────────────────────────────────────────────────────────

const registrationConfig = () => ({
  servers: need().account?.servers.length ?? 0,
  baseDelayMs: 500,
  // Capped low so an agent is back within seconds of the PBX; the jitter still spreads a whole centre.
  maxDelayMs: 2_500,
  maxRetryAfterMs: 60_000,
  random: Math.random,
});

export const registrationEvent = (event: RegistrationEvent): void => {
  const step = stepRegistration(get().registration, event, registrationConfig());
  set({ registration: step.state });
  const rt = need();
  // Effects run one after another: never two connections or REGISTERs in flight.
  rt.effects = rt.effects.then(() => runEffects(step.effects)).catch(failure);
};

const runEffects = async (effects: readonly RegistrationEffect[]): Promise<void> => {
  const rt = need();
  for (const effect of effects) {
    switch (effect.type) {
      case 'disposeTransport':
        if (rt.retryTimer) clearTimeout(rt.retryTimer);
        rt.retryTimer = null;
        await rt.engine.dispose();
        break;
      case 'connect': {
        const account = rt.account;
        const server = account?.servers[effect.server];
        if (!account || !server || account.password === null) return;
        await rt.engine.connect({
          server,
          domain: new URL(server).hostname,
          extension: account.extension,
          authUser: account.authUser,
          password: account.password,
          displayName: account.displayName,
        });
        break;
      }
      case 'register':
        performance.clearMarks(MARK_REGISTER);
        performance.mark(MARK_REGISTER);
        await rt.engine.register();
        break;
      case 'scheduleRetry':
        rt.retryTimer = setTimeout(
          () => registrationEvent({ type: 'retryDue', at: Date.now() }),
          Math.max(0, effect.at - Date.now()),
        );
        break;
    }
  }
};

export const restoreMedia = (): void => {
  const rt = need();
  for (const callId of [...rt.mediaToRestore]) {
    rt.mediaToRestore.delete(callId);
    void rt.engine.restartMedia(callId).catch(() => {
      // The far end or the PBX lost the call: end it cleanly; the record keeps what happened.
      notice('断线后通话未能恢复，已结束；通话记录已保存');
      void rt.engine.hangup(callId).catch(() => stepAndSave(callId, { type: 'failed', at: Date.now() }));
    });
  }
};
