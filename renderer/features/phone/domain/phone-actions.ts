import type { PhoneAction } from '../../../../preload/contract';
import type { MessageKey } from '../../../shared/i18n/t';

/** The bindable actions in the order the preferences form lists them. */
export const PHONE_ACTIONS_FOR_FORM: readonly { action: PhoneAction; label: MessageKey }[] = [
  { action: 'answer', label: 'phone.controls.answer' },
  { action: 'hangup', label: 'phone.controls.hangup' },
  { action: 'hold', label: 'phone.controls.hold' },
  { action: 'mute', label: 'phone.controls.mute' },
  { action: 'transfer', label: 'phone.controls.transfer' },
  { action: 'ready', label: 'agent.ready' },
  { action: 'notReady', label: 'agent.notReady' },
  { action: 'focusCaller', label: 'shortcut.focusCaller' },
  { action: 'focusIntake', label: 'shortcut.focusIntake' },
  { action: 'focusKb', label: 'shortcut.focusKb' },
  { action: 'help', label: 'shortcut.help' },
  { action: 'askLead', label: 'shortcut.askLead' },
  { action: 'monitorListen', label: 'shortcut.monitorListen' },
  { action: 'monitorWhisper', label: 'shortcut.monitorWhisper' },
  { action: 'monitorBarge', label: 'shortcut.monitorBarge' },
  { action: 'monitorEnd', label: 'shortcut.monitorEnd' },
];
