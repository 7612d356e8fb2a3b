import { useId } from 'react';
import { t } from '../../../shared/i18n/t';
import { ModalForm } from '../../../shared/ui/ModalForm';
import type { MessageKey } from '../../../shared/i18n/t';
import type { DraftField } from '../domain/settings-draft';
import {
  diagnosticsExported,
  draftEdited,
  lockPinCleared,
  settingsDialogClosed,
  settingsSubmitted,
  sipPasswordCleared,
  useSettingsStore,
} from '../settings-store';
import { FieldError } from '../../../shared/ui/FieldError';

const Field = ({
  field,
  label,
  multiline,
  type,
}: {
  field: DraftField;
  label: MessageKey;
  multiline?: boolean;
  type?: string;
}) => {
  const id = useId();
  const value = useSettingsStore((state) => state.draft?.[field] ?? '');
  const error = useSettingsStore((state) => state.fieldErrors[field]);
  const common = {
    id,
    name: field,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onChange: (event: { target: { value: string } }) => draftEdited(field, event.target.value),
  };
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{t(label)}</label>
      {multiline ? (
        <textarea {...common} rows={3} placeholder={t('settings.pbxServers.placeholder')} spellCheck={false} />
      ) : (
        <input {...common} type={type ?? 'text'} autoComplete="off" spellCheck={false} />
      )}
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
};

const FIELD_CIPHER_OPTIONS: readonly { value: string; label: MessageKey }[] = [
  { value: 'none', label: 'settings.fieldCipher.none' },
  { value: 'sm4', label: 'settings.fieldCipher.sm4' },
];

const FieldCipherSelect = () => {
  const id = useId();
  const value = useSettingsStore((state) => state.draft?.fieldCipher ?? 'none');
  const error = useSettingsStore((state) => state.fieldErrors.fieldCipher);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{t('settings.fieldCipher')}</label>
      <select
        id={id}
        name="fieldCipher"
        value={value}
        title={t('settings.fieldCipher.hint')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => draftEdited('fieldCipher', event.target.value)}
      >
        {FIELD_CIPHER_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.label)}
          </option>
        ))}
      </select>
      <FieldError message={error} id={`${id}-error`} />
    </div>
  );
};

export const SettingsDialog = () => {
  const open = useSettingsStore((state) => state.dialogOpen);
  const saving = useSettingsStore((state) => state.saving);
  const notice = useSettingsStore((state) => state.notice);
  const passwordStored = useSettingsStore((state) => state.view?.sipPasswordStored ?? false);
  const storage = useSettingsStore((state) => state.view?.secretStorage);
  const diagnostics = useSettingsStore((state) => state.diagnostics);
  const lock = useSettingsStore((state) => state.lock);
  if (!open) return null;
  return (
    <ModalForm title={t('settings.title')} onSubmit={() => void settingsSubmitted()} onCancel={settingsDialogClosed}>
      <fieldset>
        <legend>{t('settings.section.pbx')}</legend>
        <Field field="pbxServers" label="settings.pbxServers" multiline />
        <div className="field-row">
          <Field field="sipExtension" label="settings.sipExtension" />
          <Field field="sipAuthUser" label="settings.sipAuthUser" />
          <Field field="displayName" label="settings.displayName" />
        </div>
        <Field field="sipPassword" label="settings.sipPassword" type="password" />
        <p className="hint">
          {passwordStored ? t('settings.sipPassword.stored') : t('settings.sipPassword.notStored')}
          {passwordStored ? (
            <button type="button" className="link-button" onClick={() => void sipPasswordCleared()}>
              {t('settings.sipPassword.clear')}
            </button>
          ) : null}
        </p>
        {storage ? (
          <p className="hint" data-testid="secret-storage">
            {t('settings.secretStorage', { detail: storage.detail })}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('settings.section.platform')}</legend>
        <Field field="platformUrl" label="settings.platformUrl" />
        <div className="field-row">
          <Field field="centreCode" label="settings.centreCode" />
          <Field field="agentId" label="settings.agentId" />
          <Field field="retentionDays" label="settings.retentionDays" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.section.lock')}</legend>
        <div className="field-row">
          <Field field="idleLockMinutes" label="settings.idleLockMinutes" />
          <Field field="lockPin" label="settings.lockPin" type="password" />
          <FieldCipherSelect />
        </div>
        <p className="hint" data-testid="lock-pin-state">
          {lock?.credentials.pin
            ? t('settings.lockPin.stored')
            : lock?.credentials.platformPassword
              ? t('settings.lockPin.platformOnly')
              : t('settings.lockPin.none')}
          {lock?.credentials.pin ? (
            <button type="button" className="link-button" onClick={() => void lockPinCleared()}>
              {t('settings.lockPin.clear')}
            </button>
          ) : null}
        </p>
      </fieldset>
      {notice?.kind === 'error' ? (
        <p className="notice notice--error" role="alert">
          {notice.text}
        </p>
      ) : null}
      {diagnostics ? (
        <p
          className={diagnostics.state === 'failed' ? 'notice notice--error' : 'hint'}
          role="status"
          data-testid="diagnostics-result"
        >
          {diagnostics.text}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button
          type="button"
          className="dialog__aside"
          title={t('settings.diagnostics.hint')}
          disabled={diagnostics?.state === 'exporting'}
          onClick={() => void diagnosticsExported()}
        >
          {t('settings.diagnostics.export')}
        </button>
        <button type="button" onClick={settingsDialogClosed}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </ModalForm>
  );
};
