import { useEffect, useId, useState } from 'react';
import type { Result } from '../../../../preload/contract';
import { desk } from '../../../shared/desk/desk-client';
import { t } from '../../../shared/i18n/t';
import { FieldError } from '../../../shared/ui/FieldError';
import { ModalForm } from '../../../shared/ui/ModalForm';
import { trainingIdentity } from '../domain/training-identity';
import { trainingCallPlaced } from '../phone-controller';
import { trainingDialogToggled, usePhoneStore } from '../phone-store';

type DemoCaller = {
  kind: 'open-orders' | 'confidential' | 'repeat';
  number: string;
  display: string;
  name: string | null;
  count: number;
};

const DEMO_LABEL = {
  'open-orders': 'phone.training.demo.openOrders',
  confidential: 'phone.training.demo.confidential',
  repeat: 'phone.training.demo.repeat',
} as const;

/** Local form state only: what is typed here is not data until 振铃 hands it to the phone store. */
export const TrainingCallDialog = () => {
  const open = usePhoneStore((state) => state.trainingDialogOpen);
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [withheld, setWithheld] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [demo, setDemo] = useState<DemoCaller[]>([]);
  const numberId = useId();
  const nameId = useId();
  useEffect(() => {
    if (!open) return;
    void desk()
      .history.trainingCallers()
      .then((result: Result<DemoCaller[]>) => setDemo(result.ok ? result.value : []));
  }, [open]);
  if (!open) return null;
  const ring = (typed: { number: string; name: string; withheld: boolean }) => {
    const identity = trainingIdentity(typed);
    if (!identity.ok) {
      setError(identity.message);
      return;
    }
    setError(undefined);
    trainingDialogToggled(false);
    trainingCallPlaced({ from: identity.from, privacy: identity.privacy ?? null, remoteUser: identity.remoteUser });
  };
  return (
    <ModalForm
      title={t('phone.training.title')}
      className="dialog--small"
      onSubmit={() => ring({ number, name, withheld })}
      onCancel={() => trainingDialogToggled(false)}
    >
      <p className="hint">{t('phone.training.hint')}</p>
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={numberId}>{t('phone.training.number')}</label>
        <input
          id={numberId}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          placeholder="13812345678 / 0512-65231234"
          inputMode="tel"
          autoFocus
        />
        <FieldError message={error} />
      </div>
      <div className="field">
        <label htmlFor={nameId}>{t('phone.training.name')}</label>
        <input id={nameId} value={name} onChange={(event) => setName(event.target.value)} maxLength={40} />
      </div>
      <label className="check">
        <input type="checkbox" checked={withheld} onChange={(event) => setWithheld(event.target.checked)} />
        {t('phone.training.withheld')}
      </label>
      {demo.length > 0 ? (
        <fieldset className="training-demo">
          <legend>{t('phone.training.demo')}</legend>
          {demo.map((caller) => (
            <button
              key={caller.kind}
              type="button"
              onClick={() => ring({ number: caller.number, name: caller.name ?? '', withheld: false })}
            >
              {t(DEMO_LABEL[caller.kind], { count: caller.count })} · {caller.name ?? ''} {caller.display}
            </button>
          ))}
        </fieldset>
      ) : null}
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
