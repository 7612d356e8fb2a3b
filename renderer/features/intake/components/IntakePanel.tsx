import { useState } from 'react';
import type { ReactNode } from 'react';
import { timeOfDay } from '../../../shared/format-time';
import { t } from '../../../shared/i18n/t';
import { draftDiscarded, newOrderRequested, submitRequested, useIntakeStore, waitingCallTaken } from '../intake-store';
import { IntakeFormFields } from './IntakeForm';
import { IntakeSummary } from './IntakeSummary';
import { REGION_IDS } from '../../../shared/ui/focus-region';

const SaveState = () => {
  const save = useIntakeStore((state) => state.save);
  const text =
    save.status === 'saving' || save.status === 'pending'
      ? t('intake.save.saving')
      : save.status === 'error'
        ? t('intake.save.error', { reason: save.error ?? '' })
        : save.savedAt && save.status === 'saved'
          ? t('intake.save.saved', { at: timeOfDay(save.savedAt) })
          : '';
  return (
    <span
      className={save.status === 'error' ? 'save-state notice--error' : 'save-state'}
      data-testid="save-state"
      data-status={save.status}
    >
      {text}
    </span>
  );
};

/** `banner` lets the app put the setup checklist above the form without the features knowing each other. */
const enterMovesOn = (target: EventTarget): boolean =>
  target instanceof HTMLInputElement && !['button', 'submit', 'reset', 'file'].includes(target.type);

const focusNextField = (form: HTMLFormElement, from: HTMLElement): void => {
  const fields = [...form.querySelectorAll<HTMLElement>('input, select, textarea')].filter(
    (field) => !(field as HTMLInputElement).disabled && field.offsetParent !== null && field.tabIndex >= 0,
  );
  fields[fields.indexOf(from) + 1]?.focus();
};

/** Discarding asks first: a draft is the agent's work of the last minutes. */
const DiscardButton = () => {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('intake.discard')}
      </button>
    );
  return (
    <span className="intake-discard" role="group" aria-label={t('intake.discard.confirm')}>
      <span>{t('intake.discard.confirm')}</span>
      <button
        type="button"
        className="button--danger"
        onClick={() => {
          setAsking(false);
          void draftDiscarded();
        }}
      >
        {t('intake.discard.yes')}
      </button>
      <button type="button" autoFocus onClick={() => setAsking(false)}>
        {t('intake.discard.no')}
      </button>
    </span>
  );
};

export const IntakePanel = ({ banner }: { banner?: ReactNode }) => {
  const ready = useIntakeStore((state) => state.reference !== null && state.draft !== null);
  const loadError = useIntakeStore((state) => state.loadError);
  const callLinked = useIntakeStore((state) => state.draft?.callRef ?? null);
  const submitting = useIntakeStore((state) => state.submitting);
  const submitMessage = useIntakeStore((state) => state.submitMessage);
  const submitted = useIntakeStore((state) => state.submitted);
  const duplicateOf = useIntakeStore((state) => state.duplicateOf);
  const waitingCall = useIntakeStore((state) => state.waitingCall);
  return (
    <main className="panel panel--centre" aria-label={t('intake.region')}>
      {banner}
      <div className="panel__title-row">
        <h2 className="panel__title">
          {t('intake.region')}
          <span className="hint">
            {' '}
            {waitingCall ? t('intake.earlierCall') : callLinked ? t('intake.linkedToCall') : t('intake.noCall')}
          </span>
        </h2>
        <SaveState />
      </div>
      {waitingCall ? (
        <p className="notice" role="status" data-testid="waiting-call">
          {t('intake.waitingCall')}{' '}
          <button type="button" onClick={() => void waitingCallTaken()}>
            {t('intake.waitingCall.take')}
          </button>
        </p>
      ) : null}
      {loadError ? <p className="notice--error">{loadError}</p> : null}
      {submitted ? (
        <p className="toast-inline" role="status">
          {t('intake.submitted', { number: submitted.number })}
          {submitted.provisional ? t('intake.submitted.provisional') : null}
        </p>
      ) : null}
      {ready ? (
        <form
          id={REGION_IDS.intake}
          className="intake-form"
          aria-label={t('intake.form')}
          onSubmit={(event) => {
            event.preventDefault();
            void submitRequested();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submitRequested();
            } else if (event.key === 'Enter' && !event.shiftKey && !event.altKey && enterMovesOn(event.target)) {
              // Enter in a one-line field goes to the next field; only Ctrl+Enter submits the order.
              event.preventDefault();
              focusNextField(event.currentTarget, event.target as HTMLElement);
            }
          }}
        >
          <IntakeFormFields />
          {/* Sticky: deadline, what is missing and the submit button stay in view however long the form. */}
          <div className="intake-footer">
            <IntakeSummary />
            {submitMessage ? (
              <p className="notice--error" role="alert">
                {submitMessage}
              </p>
            ) : null}
            <div className="intake-actions">
              <button type="submit" className="primary" disabled={submitting} title="Ctrl+Enter">
                {duplicateOf ? t('intake.submit.duplicate', { number: duplicateOf.number }) : t('intake.submit')}
              </button>
              <button type="button" onClick={() => void newOrderRequested()}>
                {t('intake.new')}
              </button>
              <DiscardButton />
            </div>
          </div>
        </form>
      ) : null}
    </main>
  );
};
