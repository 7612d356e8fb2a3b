import { useState } from 'react';
import { PHONE_ACTIONS_FOR_FORM } from '../domain/phone-actions';
import { t } from '../../../shared/i18n/t';
import { FieldError } from '../../../shared/ui/FieldError';
import { ModalForm } from '../../../shared/ui/ModalForm';
import {
  type PreferencesDraft,
  draftFromPreferences,
  duplicateShortcut,
  preferencesFromDraft,
} from '../domain/preferences-draft';
import { audioDevices, preferencesSaved } from '../phone-controller';
import { preferencesToggled, usePhoneStore } from '../phone-store';

const DeviceSelect = ({
  label,
  value,
  devices,
  onChange,
}: {
  label: string;
  value: string;
  devices: readonly MediaDeviceInfo[];
  onChange: (label: string) => void;
}) => (
  <label className="field">
    <span>{label}</span>
    <select value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('phone.prefs.systemDefault')}</option>
      {devices
        .filter((device) => device.label !== '')
        .map((device) => (
          <option key={device.deviceId} value={device.label}>
            {device.label}
          </option>
        ))}
      {value !== '' && !devices.some((device) => device.label === value) ? (
        <option value={value}>{t('phone.prefs.unplugged', { label: value })}</option>
      ) : null}
    </select>
  </label>
);

/** 话务设置: devices, agent-state rules and shortcuts. Local draft only until saved. */
export const PhonePreferencesDialog = () => {
  const open = usePhoneStore((state) => state.preferencesOpen);
  const preferences = usePhoneStore((state) => state.preferences);
  if (!open || !preferences) return null;
  return <PreferencesForm initial={draftFromPreferences(preferences)} />;
};

const PreferencesForm = ({ initial }: { initial: PreferencesDraft }) => {
  const preferences = usePhoneStore((state) => state.preferences);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [devices] = useState(audioDevices);
  const change = (patch: Partial<PreferencesDraft>) => setDraft((current) => ({ ...current, ...patch }));
  if (!preferences) return null;
  return (
    <ModalForm
      title={t('phone.prefs.title')}
      onCancel={() => preferencesToggled(false)}
      onSubmit={() => {
        const twice = duplicateShortcut(draft.shortcuts);
        if (twice) {
          setErrors({ shortcuts: t('phone.prefs.shortcutTwice', { shortcut: twice }) });
          return;
        }
        void preferencesSaved(preferencesFromDraft(draft, preferences)).then((result) =>
          setErrors(result.ok ? {} : result.fields),
        );
      }}
    >
      <fieldset>
        <legend>{t('phone.prefs.devices')}</legend>
        <DeviceSelect
          label={t('phone.prefs.microphone')}
          value={draft.microphoneLabel}
          devices={devices.microphones}
          onChange={(microphoneLabel) => change({ microphoneLabel })}
        />
        <DeviceSelect
          label={t('phone.prefs.speaker')}
          value={draft.speakerLabel}
          devices={devices.speakers}
          onChange={(speakerLabel) => change({ speakerLabel })}
        />
        <DeviceSelect
          label={t('phone.prefs.ringer')}
          value={draft.ringerLabel}
          devices={devices.speakers}
          onChange={(ringerLabel) => change({ ringerLabel })}
        />
        <label className="field field--inline">
          <input
            type="checkbox"
            checked={draft.takeNewHeadset}
            onChange={(event) => change({ takeNewHeadset: event.target.checked })}
          />
          {t('phone.prefs.takeNewHeadset')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('phone.prefs.agent')}</legend>
        <label className="field">
          <span>{t('phone.prefs.reasons')}</span>
          <input value={draft.notReadyReasons} onChange={(event) => change({ notReadyReasons: event.target.value })} />
        </label>
        <FieldError message={errors.notReadyReasons} />
        <label className="field">
          <span>{t('phone.prefs.wrapUp')}</span>
          <input
            inputMode="numeric"
            value={draft.wrapUpSeconds}
            onChange={(event) => change({ wrapUpSeconds: event.target.value })}
          />
        </label>
        <FieldError message={errors.wrapUpSeconds} />
        <label className="field">
          <span>{t('phone.prefs.refusal')}</span>
          <select
            value={draft.notReadyResponse}
            onChange={(event) => change({ notReadyResponse: event.target.value === '486' ? '486' : '480' })}
          >
            <option value="480">{t('phone.prefs.refusal480')}</option>
            <option value="486">{t('phone.prefs.refusal486')}</option>
          </select>
        </label>
        <label className="field field--inline">
          <input type="checkbox" checked={draft.autoAnswer} onChange={(event) => change({ autoAnswer: event.target.checked })} />
          {t('phone.prefs.autoAnswer')}
        </label>
        <label className="field">
          <span>{t('phone.prefs.dtmf')}</span>
          <select
            value={draft.dtmfMode}
            onChange={(event) => change({ dtmfMode: event.target.value === 'info' ? 'info' : 'rfc4733' })}
          >
            <option value="rfc4733">RFC 4733</option>
            <option value="info">SIP INFO</option>
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('phone.prefs.shortcuts')}</legend>
        {PHONE_ACTIONS_FOR_FORM.map(({ action, label }) => (
          <label key={action} className="field field--compact">
            <span>{t(label)}</span>
            <input
              value={draft.shortcuts[action]}
              onChange={(event) => change({ shortcuts: { ...draft.shortcuts, [action]: event.target.value } })}
            />
          </label>
        ))}
        <FieldError message={errors.shortcuts} />
      </fieldset>
      <div className="dialog__actions">
        <button type="button" onClick={() => preferencesToggled(false)}>
          {t('phone.prefs.cancel')}
        </button>
        <button type="submit">{t('phone.prefs.save')}</button>
      </div>
    </ModalForm>
  );
};
