import { type ReactNode, useId } from 'react';
import type { IntakeForm as Form } from '../../../../preload/contract';
import { type MessageKey, t } from '../../../shared/i18n/t';
import type { FormField } from '../domain/form-defaults';
import { FIELD_LIMITS, showCounter } from '../domain/field-limits';
import { citationUndone, fieldEdited, useIntakeStore } from '../intake-store';
import { Picker } from './Picker';
import { FieldError } from '../../../shared/ui/FieldError';

/** Citing an entry switched the order to 直接办结: said, with the entry, and undoable. */
const CitationNote = () => {
  const cited = useIntakeStore((state) => state.cited);
  if (!cited) return null;
  return (
    <p className="hint" role="status" data-testid="citation-note">
      {t('intake.cited', { title: cited.title })}{' '}
      <button type="button" className="link-button" onClick={citationUndone}>
        {t('intake.cited.undo')}
      </button>
    </p>
  );
};

/** A message for the field: main's refusal on submit first, else the live checklist once the agent has been there. */
const useFieldError = (field: FormField): string | undefined =>
  useIntakeStore((state) => state.submitErrors.find((problem) => problem.field === field)?.message);

const Labelled = ({
  field,
  label,
  children,
}: {
  field: FormField;
  label: MessageKey;
  children: (id: string, invalid: boolean) => ReactNode;
}) => {
  const id = useId();
  const error = useFieldError(field);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{t(label)}</label>
      {children(id, error !== undefined)}
      <FieldError message={error} />
    </div>
  );
};

const TextField = ({
  field,
  label,
  multiline,
  rows,
  placeholder,
}: {
  field:
    'callerName' | 'contactNumber' | 'address' | 'title' | 'content' | 'reply' | 'dispatchNote' | 'enterpriseName' | 'creditCode';
  label: MessageKey;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
}) => {
  const value = useIntakeStore((state) => state.draft?.form[field] ?? '');
  const limit = FIELD_LIMITS[field];
  const edited = (text: string) => fieldEdited(field, text.slice(0, limit));
  return (
    <Labelled field={field} label={label}>
      {(id, invalid) => (
        <>
          {multiline ? (
            <textarea
              id={id}
              rows={rows ?? 4}
              maxLength={limit}
              value={value}
              placeholder={placeholder}
              aria-invalid={invalid || undefined}
              onChange={(event) => edited(event.target.value)}
            />
          ) : (
            <input
              id={id}
              maxLength={limit}
              value={value}
              placeholder={placeholder}
              autoComplete="off"
              aria-invalid={invalid || undefined}
              onChange={(event) => edited(event.target.value)}
            />
          )}
          {showCounter(field, value.length) ? (
            <span className="hint field-counter" data-testid={`counter-${field}`}>
              {value.length}/{limit}
            </span>
          ) : null}
        </>
      )}
    </Labelled>
  );
};

const SelectField = ({
  field,
  label,
  options,
}: {
  field: 'channel' | 'requestType' | 'urgency' | 'leadDepartment' | 'callbackMethod' | 'enterpriseMode';
  label: MessageKey;
  options: readonly { value: string; label: string }[];
}) => {
  const value = useIntakeStore((state) => state.draft?.form[field] ?? '');
  return (
    <Labelled field={field} label={label}>
      {(id, invalid) => (
        <select
          id={id}
          value={value}
          aria-invalid={invalid || undefined}
          onChange={(event) => fieldEdited(field, event.target.value as Form[typeof field])}
        >
          <option value="">{t('intake.choose')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
};

const Check = ({ field, label }: { field: 'anonymous' | 'confidential' | 'callbackWanted'; label: MessageKey }) => {
  const checked = useIntakeStore((state) => state.draft?.form[field] ?? false);
  const error = useFieldError(field);
  return (
    <label className={error ? 'check field--error' : 'check'}>
      <input type="checkbox" checked={checked} onChange={(event) => fieldEdited(field, event.target.checked)} /> {t(label)}
      {error ? <span className="field__error"> {error}</span> : null}
    </label>
  );
};

const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export const IntakeFormFields = () => {
  const reference = useIntakeStore((state) => state.reference);
  const categoryCode = useIntakeStore((state) => state.draft?.form.categoryCode ?? '');
  const regionCode = useIntakeStore((state) => state.draft?.form.regionCode ?? '');
  const handlingMode = useIntakeStore((state) => state.draft?.form.handlingMode ?? 'dispatch');
  const coDepartments = useIntakeStore((state) => state.draft?.form.coDepartments ?? []);
  const leadDepartment = useIntakeStore((state) => state.draft?.form.leadDepartment ?? '');
  const prompt = useIntakeStore((state) => state.preview?.prompt ?? null);
  const categoryError = useFieldError('categoryCode');
  const regionError = useFieldError('regionCode');
  const coError = useFieldError('coDepartments');
  const enterprise = useIntakeStore(
    (state) => state.reference?.enterpriseChannel != null && state.draft?.form.channel === state.reference.enterpriseChannel,
  );
  if (!reference) return null;
  return (
    <>
      <div className="field-row">
        <SelectField field="channel" label="intake.field.channel" options={plain(reference.channels)} />
        <SelectField field="requestType" label="intake.field.requestType" options={plain(reference.requestTypes)} />
        <SelectField
          field="urgency"
          label="intake.field.urgency"
          options={reference.urgencies.map((level) => ({ value: level.code, label: level.label }))}
        />
      </div>
      <Picker
        label={t('intake.field.category')}
        items={reference.categories}
        value={categoryCode}
        recent={reference.recentCategories}
        accept={(item) => item.level === 3}
        placeholder={t('intake.picker.hint')}
        error={categoryError}
        onPick={(item) => fieldEdited('categoryCode', item.code)}
      />
      <div className="field-row">
        <Picker
          label={t('intake.field.region')}
          items={reference.regions}
          value={regionCode}
          accept={(item) => item.level >= 2}
          placeholder={t('intake.picker.hint')}
          error={regionError}
          onPick={(item) => fieldEdited('regionCode', item.code)}
        />
        <TextField field="address" label="intake.field.address" />
      </div>
      <div className="field-row">
        <TextField field="callerName" label="intake.field.callerName" />
        <TextField field="contactNumber" label="intake.field.contactNumber" />
        <div className="checks">
          <Check field="anonymous" label="intake.field.anonymous" />
          <Check field="confidential" label="intake.field.confidential" />
        </div>
      </div>
      {enterprise ? (
        <div className="field-row" data-testid="enterprise-fields">
          <TextField field="enterpriseName" label="intake.field.enterpriseName" />
          <TextField field="creditCode" label="intake.field.creditCode" placeholder={t('intake.creditCode.hint')} />
        </div>
      ) : null}
      <TextField field="title" label="intake.field.title" />
      <TextField
        field="content"
        label="intake.field.content"
        multiline
        rows={5}
        placeholder={prompt ? t('intake.prompt', { prompt }) : undefined}
      />
      {prompt ? <p className="hint">{t('intake.prompt', { prompt })}</p> : null}
      <fieldset className="handling">
        <legend>{t('intake.field.handlingMode')}</legend>
        <label className="check">
          <input
            type="radio"
            name="handlingMode"
            checked={handlingMode === 'dispatch'}
            onChange={() => fieldEdited('handlingMode', 'dispatch')}
          />{' '}
          {t('intake.mode.dispatch')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="handlingMode"
            checked={handlingMode === 'direct'}
            onChange={() => fieldEdited('handlingMode', 'direct')}
          />{' '}
          {t('intake.mode.direct')}
        </label>
        <CitationNote />
      </fieldset>
      {handlingMode === 'dispatch' ? (
        <>
          <div className="field-row">
            <SelectField
              field="leadDepartment"
              label="intake.field.leadDepartment"
              options={plain(reference.departments.map((department) => department.name))}
            />
            <Picker
              label={t('intake.field.coDepartments')}
              items={reference.departments}
              value=""
              accept={(item) => item.code !== leadDepartment && !coDepartments.includes(item.code)}
              error={coError}
              onPick={(item) => fieldEdited('coDepartments', [...coDepartments, item.code])}
            />
          </div>
          {coDepartments.length > 0 ? (
            <p className="chips" aria-label={t('intake.field.coDepartments')}>
              {coDepartments.map((name) => (
                <button
                  key={name}
                  type="button"
                  className="chip"
                  title={t('intake.chip.remove')}
                  onClick={() =>
                    fieldEdited(
                      'coDepartments',
                      coDepartments.filter((other) => other !== name),
                    )
                  }
                >
                  {name} ×
                </button>
              ))}
            </p>
          ) : null}
          {enterprise ? (
            <SelectField
              field="enterpriseMode"
              label="intake.field.enterpriseMode"
              options={reference.enterpriseModes.map((mode) => ({
                value: mode.code,
                label: `${mode.group} · ${mode.name}（${mode.clocks}）`,
              }))}
            />
          ) : null}
          <TextField field="dispatchNote" label="intake.field.dispatchNote" multiline rows={2} />
        </>
      ) : (
        <TextField field="reply" label="intake.field.reply" multiline rows={4} />
      )}
      <div className="field-row">
        <Check field="callbackWanted" label="intake.field.callbackWanted" />
        <SelectField
          field="callbackMethod"
          label="intake.field.callbackMethod"
          options={[
            { value: 'phone', label: t('intake.callback.phone') },
            { value: 'sms', label: t('intake.callback.sms') },
          ]}
        />
      </div>
    </>
  );
};
