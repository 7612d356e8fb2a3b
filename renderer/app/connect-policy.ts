/**
 * A page's Content-Security-Policy is fixed when it loads, and its connect-src lists only the PBX
 * and platform configured then (never any host). So a server entered later in 设置 is refused by
 * the browser until the page loads again: when that happens and no call is up, the console
 * reloads itself once for that server, a second after 设置已保存 (drafts live in SQLite, the agent
 * state is carried across);
 * with a call up it waits for the call to end. A server still refused after the reload is named
 * in the bar instead of 正在注册… forever.
 */
import { agentStateForReload, agentStateRestored } from '../features/agent-state';
import { connectionBlocked, selectCallsUp, usePhoneStore } from '../features/phone';

const RELOADED_FOR = 'minsheng.policyReloadFor';
const AGENT_STATE = 'minsheng.agentStateAcrossReload';
const RELOAD_DELAY_MS = 1_200;

const reloadForPolicy = async (origin: string): Promise<void> => {
  sessionStorage.setItem(RELOADED_FOR, origin);
  const agent = agentStateForReload();
  if (agent) sessionStorage.setItem(AGENT_STATE, JSON.stringify(agent));
  // A moment to read 设置已保存; leaving the page unregisters whatever was registered (pagehide).
  await new Promise((resolve) => setTimeout(resolve, RELOAD_DELAY_MS));
  location.reload();
};

const originOf = (blockedUri: string): string | null => {
  try {
    return new URL(blockedUri).origin;
  } catch {
    return null;
  }
};

export const watchConnectPolicy = (): void => {
  const saved = sessionStorage.getItem(AGENT_STATE);
  sessionStorage.removeItem(AGENT_STATE);
  if (saved) agentStateRestored(saved);
  let waitingForCalls: (() => void) | null = null;

  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.effectiveDirective !== 'connect-src') return;
    const origin = originOf(event.blockedURI);
    if (!origin || !/^wss?:/.test(origin)) return;
    if (sessionStorage.getItem(RELOADED_FOR) === origin) {
      connectionBlocked({ origin, afterReload: true });
      return;
    }
    if (!selectCallsUp(usePhoneStore.getState())) {
      void reloadForPolicy(origin);
      return;
    }
    connectionBlocked({ origin, afterReload: false });
    waitingForCalls ??= usePhoneStore.subscribe((state) => {
      if (selectCallsUp(state)) return;
      waitingForCalls?.();
      void reloadForPolicy(origin);
    });
  });

  // Registered means the policy fits: a later change of server may reload once again.
  usePhoneStore.subscribe((state, previous) => {
    if (state.registration.kind === 'registered' && previous.registration.kind !== 'registered') {
      sessionStorage.removeItem(RELOADED_FOR);
      connectionBlocked(null);
    }
  });
};
