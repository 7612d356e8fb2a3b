import type { PhoneAction } from '../../preload/contract';
import { PHONE_ACTIONS_FOR_FORM } from '../features/phone';
import { type MessageKey, t } from '../shared/i18n/t';
import { ModalForm } from '../shared/ui/ModalForm';
import { shortcutHelpToggled, useAppStore } from './app-store';

const FIXED: readonly { keys: string; label: MessageKey }[] = [
  { keys: 'Ctrl+Enter', label: 'shortcut.fixed.submit' },
  { keys: 'Ctrl+Enter', label: 'shortcut.fixed.cite' },
  { keys: 'Enter', label: 'shortcut.fixed.next' },
  { keys: '↑ ↓', label: 'shortcut.fixed.pick' },
  { keys: 'Esc', label: 'shortcut.fixed.escape' },
  { keys: '?', label: 'shortcut.fixed.question' },
];

/** Every shortcut the console answers to, the agent's own bindings first. */
export const ShortcutHelp = ({ shortcuts }: { shortcuts: Readonly<Record<PhoneAction, string>> | undefined }) => {
  const open = useAppStore((state) => state.shortcutHelpOpen);
  if (!open) return null;
  const close = () => shortcutHelpToggled(false);
  return (
    <ModalForm title={t('shortcut.title')} onSubmit={close} onCancel={close} className="shortcut-help">
      <table>
        <tbody>
          {shortcuts
            ? PHONE_ACTIONS_FOR_FORM.map(({ action, label }) => (
                <tr key={action}>
                  <th scope="row">
                    <kbd>{shortcuts[action]}</kbd>
                  </th>
                  <td>{t(label)}</td>
                </tr>
              ))
            : null}
          {FIXED.map(({ keys, label }) => (
            <tr key={label}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('shortcut.configure')}</p>
      <div className="dialog__actions">
        <button type="submit" className="primary" autoFocus>
          {t('shortcut.close')}
        </button>
      </div>
    </ModalForm>
  );
};
