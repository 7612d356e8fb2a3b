import { useId, useState } from 'react';
import { t } from '../../../shared/i18n/t';
import { ModalForm } from '../../../shared/ui/ModalForm';
import { incomingCallReceived, trainingDialogToggled, usePhoneStore } from '../phone-store';

/** Local form state only: what is typed here is not data until "振铃" hands it to the phone store. */
export const TrainingCallDialog = () => {
  const open = usePhoneStore((state) => state.trainingDialogOpen);
  const [from, setFrom] = useState('');
  const [pai, setPai] = useState('');
  const fromId = useId();
  const paiId = useId();
  if (!open) return null;
  return (
    <ModalForm
      title={t('phone.training.title')}
      className="dialog--small"
      onSubmit={() => {
        trainingDialogToggled(false);
        incomingCallReceived({ from, ...(pai.trim() ? { pAssertedIdentity: pai } : {}), training: true });
      }}
      onCancel={() => trainingDialogToggled(false)}
    >
      <p className="hint">{t('phone.training.hint')}</p>
      <div className="field">
        <label htmlFor={fromId}>{t('phone.training.from')}</label>
        <input id={fromId} value={from} onChange={(event) => setFrom(event.target.value)} placeholder="13812345678" autoFocus />
      </div>
      <div className="field">
        <label htmlFor={paiId}>{t('phone.training.pai')}</label>
        <input
          id={paiId}
          value={pai}
          onChange={(event) => setPai(event.target.value)}
          placeholder="<sip:+8613812345678@ims.example>"
        />
      </div>
      <div className="dialog__actions">
        <button type="button" onClick={() => trainingDialogToggled(false)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('phone.training.ring')}
        </button>
      </div>
    </ModalForm>
  );
};
