import { t } from '../../../shared/i18n/t';
import { withShortcut } from '../../../shared/keyboard/shortcut';
import { Icon } from '../../../shared/ui/icons';
import { answerClicked, hangupClicked, holdToggled, muteToggled, noticeDismissed, rejectClicked } from '../phone-controller';
import { phonePanelOpened, selectFocusedCall, usePhoneStore } from '../phone-store';

/** The buttons keep their place whatever the call does; only their state changes. */
export const CallControls = () => {
  const call = usePhoneStore(selectFocusedCall);
  const registered = usePhoneStore((state) => state.registration.kind === 'registered');
  const shortcuts = usePhoneStore((state) => state.preferences?.shortcuts);
  const panel = usePhoneStore((state) => state.panel);
  const ringing = call?.state.kind === 'ringing';
  const active = call?.state.kind === 'active' ? call.state : null;
  const toggle = (next: typeof panel) => phonePanelOpened(panel === next ? 'none' : next);
  return (
    <div className="softphone__controls" role="group" aria-label={t('phone.controls.region')}>
      <button
        type="button"
        disabled={!ringing}
        onClick={answerClicked}
        title={withShortcut(t('phone.controls.answer'), shortcuts?.answer)}
      >
        <Icon name="answer" />
        {t('phone.controls.answer')}
      </button>
      <button type="button" disabled={!ringing} onClick={rejectClicked}>
        <Icon name="hangup" />
        {t('phone.controls.reject')}
      </button>
      <button
        type="button"
        disabled={!call || ringing}
        onClick={hangupClicked}
        title={withShortcut(t('phone.controls.hangup'), shortcuts?.hangup)}
      >
        <Icon name="hangup" />
        {t('phone.controls.hangup')}
      </button>
      <button
        type="button"
        disabled={!active}
        onClick={() => void holdToggled()}
        title={withShortcut(t('phone.controls.hold'), shortcuts?.hold)}
      >
        <Icon name="hold" />
        {active?.held ? t('phone.controls.resume') : t('phone.controls.hold')}
      </button>
      <button
        type="button"
        disabled={!active}
        onClick={muteToggled}
        aria-pressed={active?.muted ?? false}
        title={withShortcut(t('phone.controls.mute'), shortcuts?.mute)}
      >
        <Icon name="mute" />
        {active?.muted ? t('phone.controls.unmute') : t('phone.controls.mute')}
      </button>
      <button type="button" disabled={!active} onClick={() => toggle('dtmf')}>
        <Icon name="keypad" />
        {t('phone.controls.keypad')}
      </button>
      <button
        type="button"
        disabled={!active}
        onClick={() => toggle('transfer')}
        title={withShortcut(t('phone.controls.transfer'), shortcuts?.transfer)}
      >
        <Icon name="transfer" />
        {t('phone.controls.transfer')}
      </button>
      <button type="button" disabled={!registered} onClick={() => toggle('dial')}>
        <Icon name="dial" />
        {t('phone.controls.dial')}
      </button>
    </div>
  );
};

export const PhoneNotice = () => {
  const notice = usePhoneStore((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="banner banner--warn" role="alert">
      {notice}
      <button type="button" onClick={noticeDismissed}>
        {t('phone.notice.dismiss')}
      </button>
    </div>
  );
};
