import { t } from '../../../shared/i18n/t';
import { withShortcut } from '../../../shared/keyboard/shortcut';
import { useNow } from '../../../shared/use-now';
import { notReadySet, readySet, reasonPickerToggled, signedIn, signedOut, useAgentStore } from '../agent-store';

export const AgentStateControl = ({ shortcuts }: { shortcuts?: { ready: string; notReady: string } | undefined }) => {
  const state = useAgentStore((store) => store.state);
  const reasons = useAgentStore((store) => store.config.notReadyReasons);
  const pickerOpen = useAgentStore((store) => store.reasonPickerOpen);
  const error = useAgentStore((store) => store.error);
  const now = useNow(1000, state.kind === 'wrap-up');
  const label =
    state.kind === 'not-ready' && state.reason
      ? `${t('agent.state.not-ready')} · ${state.reason}`
      : state.kind === 'wrap-up'
        ? `${t('agent.state.wrap-up')} · ${t('agent.wrapUpLeft', { seconds: Math.max(0, Math.ceil((state.until - now) / 1000)) })}`
        : t(`agent.state.${state.kind}`);
  return (
    <div className="agent-state" role="group" aria-label={t('agent.region')}>
      <span className={`badge badge--agent-${state.kind}`} data-testid="agent-state">
        {label}
      </span>
      {/* During a call these are unavailable anyway: their room goes to the call. */}
      {state.kind === 'on-call' ? null : state.kind === 'signed-out' ? (
        <button type="button" onClick={signedIn}>
          {t('agent.signIn')}
        </button>
      ) : (
        <>
          <button
            type="button"
            onClick={readySet}
            disabled={state.kind === 'ready'}
            title={withShortcut(t('agent.ready'), shortcuts?.ready)}
          >
            {t('agent.ready')}
          </button>
          <button
            type="button"
            onClick={() => reasonPickerToggled(!pickerOpen)}
            title={withShortcut(t('agent.notReady'), shortcuts?.notReady)}
          >
            {t('agent.notReady')}
          </button>
          <button type="button" onClick={signedOut}>
            {t('agent.signOut')}
          </button>
        </>
      )}
      {pickerOpen ? (
        <div className="agent-state__reasons" role="menu">
          {reasons.map((reason) => (
            <button key={reason} type="button" role="menuitem" onClick={() => notReadySet(reason)}>
              {reason}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
};
