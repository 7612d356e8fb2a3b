import { useEffect } from 'react';
import type { PhoneAction } from '../../preload/contract';
import { readySet, reasonPickerToggled } from '../features/agent-state';
import { answerClicked, consoleBridge, hangupClicked, holdToggled, muteToggled, phonePanelOpened } from '../features/phone';
import { helpDialogOpened } from '../features/help';
import { matchesShortcut } from '../shared/keyboard/shortcut';
import { focusRegion } from '../shared/ui/focus-region';
import { shortcutHelpToggled, useAppStore } from './app-store';

const ACTIONS: Record<PhoneAction, () => void> = {
  answer: answerClicked,
  hangup: hangupClicked,
  hold: () => void holdToggled(),
  mute: muteToggled,
  transfer: () => phonePanelOpened('transfer'),
  ready: () => void readySet(),
  notReady: () => reasonPickerToggled(true),
  focusCaller: () => focusRegion('caller'),
  focusIntake: () => focusRegion('intake'),
  focusKb: () => focusRegion('kb'),
  help: () => shortcutHelpToggled(!useAppStore.getState().shortcutHelpOpen),
  askLead: helpDialogOpened,
  // Only a lead's running session reacts; anyone else's keys do nothing.
  monitorListen: () => void consoleBridge.switchMode('listen'),
  monitorWhisper: () => void consoleBridge.switchMode('whisper'),
  monitorBarge: () => void consoleBridge.switchMode('barge'),
  monitorEnd: () => void consoleBridge.stop(),
};

const typingIn = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Phone, agent-state, jump and help shortcuts work wherever the focus is, also while typing in the intake form. */
export const usePhoneShortcuts = (shortcuts: Readonly<Record<PhoneAction, string>> | undefined): void => {
  useEffect(() => {
    if (!shortcuts) return;
    const onKey = (event: KeyboardEvent) => {
      const action =
        (Object.keys(shortcuts) as PhoneAction[]).find((name) => matchesShortcut(shortcuts[name], event)) ??
        (event.key === '?' && !typingIn(event.target) ? 'help' : undefined);
      if (!action) return;
      event.preventDefault();
      ACTIONS[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
};
