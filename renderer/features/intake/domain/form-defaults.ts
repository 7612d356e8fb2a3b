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
  form.dispatchNote === '';

export type FormField = keyof IntakeForm;
