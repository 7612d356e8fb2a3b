import type { IntakeForm } from '../../../../preload/contract';

/** True while the agent has not typed anything: such a draft may be replaced by a call's own draft. */
export const isPristine = (form: IntakeForm): boolean =>
  form.callerName === '' &&
  form.contactNumber === '' &&
  form.requestType === '' &&
  form.categoryCode === '' &&
  form.regionCode === '' &&
  form.address === '' &&
  form.title === '' &&
  form.content === '' &&
  form.reply === '' &&
  form.leadDepartment === '' &&
  form.coDepartments.length === 0 &&
  form.dispatchNote === '' &&
  form.enterpriseName === '' &&
  form.creditCode === '';

export type FormField = keyof IntakeForm;

/** Values the console put in by itself (the caller's number, confidentiality asked for by the network). */
export type AutoFilled = Partial<Pick<IntakeForm, 'contactNumber' | 'confidential'>>;

/**
 * The agent's own work: pristine once what the console filled in by itself, and still holds, is
 * set aside. A draft with only the ringing caller's number is not a reason to keep it for the next call.
 */
export const isAgentEdited = (form: IntakeForm, autoFilled: AutoFilled): boolean =>
  !isPristine({
    ...form,
    contactNumber:
      autoFilled.contactNumber !== undefined && form.contactNumber === autoFilled.contactNumber ? '' : form.contactNumber,
  });
