import type { FieldProblem, IntakeForm } from '../../../preload/contract';
import { checkCreditCode } from '../../enterprise/domain/credit-code';
import type { Category, IntakeConfig } from './intake-reference';
import { bundledCatalogue } from './catalogue-schema';
import { type CatalogueReference, type DataCatalogue, type SubmissionKey, submissionProblems } from './data-catalogue';

export interface IntakeRules {
  readonly config: IntakeConfig;
  readonly categories: ReadonlyMap<string, Category>;
  readonly regionCodes: ReadonlySet<string>;
  /** The data catalogue; the bundled one unless the platform sent another. */
  readonly catalogue?: DataCatalogue;
}

/** The rules from the loaded reference data and the catalogue in force (the bundled one when absent). */
export const intakeRulesOf = (
  reference: { config: IntakeConfig; categoryByCode: ReadonlyMap<string, Category>; regionCodes: ReadonlySet<string> },
  catalogue?: DataCatalogue,
): IntakeRules => ({
  config: reference.config,
  categories: reference.categoryByCode,
  regionCodes: reference.regionCodes,
  ...(catalogue ? { catalogue } : {}),
});

/** The same reference data as the catalogue check sees it (the platform builds one from the same files). */
export const catalogueReference = (rules: Pick<IntakeRules, 'config' | 'categories' | 'regionCodes'>): CatalogueReference => ({
  requestTypes: rules.config.requestTypes,
  category: (code) => {
    const category = rules.categories.get(code);
    return category ? { name: category.name, leaf: category.level === 3, required: category.required } : null;
  },
  regionExists: (code) => rules.regionCodes.has(code),
});

/** The form's fields for the catalogue's items (the form says callerName for the contact). */
const FORM_FIELD: Record<SubmissionKey, keyof IntakeForm> = {
  requestType: 'requestType',
  categoryCode: 'categoryCode',
  regionCode: 'regionCode',
  address: 'address',
  contactName: 'callerName',
  contactNumber: 'contactNumber',
  title: 'title',
  content: 'content',
};

const blank = (value: string): boolean => value.trim() === '';

/** A request on the centre's enterprise channel (一企来) carries the enterprise and, dispatched, a handling mode. */
export const isEnterpriseRequest = (form: Pick<IntakeForm, 'channel'>, config: IntakeConfig): boolean =>
  config.enterpriseChannel !== undefined && form.channel === config.enterpriseChannel;

/**
 * Everything that keeps an order from being submitted, one message per field, in the order the form
 * shows them. A department should never have to call the citizen back for a missing item.
 */
export const intakeProblems = (form: IntakeForm, rules: IntakeRules): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const add = (field: keyof IntakeForm, message: string): void => void problems.push({ field, message });

  if (!rules.config.channels.includes(form.channel)) add('channel', '请选择受理渠道');
  const submission = {
    requestType: form.requestType,
    categoryCode: form.categoryCode,
    regionCode: form.regionCode,
    address: form.address,
    contactName: form.anonymous ? '' : form.callerName,
    contactNumber: form.contactNumber,
    title: form.title,
    content: form.content,
    anonymous: form.anonymous,
  };
  for (const problem of submissionProblems(submission, rules.catalogue ?? bundledCatalogue, catalogueReference(rules)))
    add(FORM_FIELD[problem.key], problem.message);
  if (!rules.config.urgencies.some((level) => level.code === form.urgency)) add('urgency', '请选择紧急程度');
  if (form.callbackWanted && blank(form.contactNumber)) add('callbackWanted', '需要回访时须留联系电话');

  if (isEnterpriseRequest(form, rules.config)) {
    if (blank(form.enterpriseName)) add('enterpriseName', '一企来诉求须填写企业名称');
    else if (form.enterpriseName.trim().length < 4) add('enterpriseName', '企业名称至少 4 个字，请填写营业执照上的全称');
    if (blank(form.creditCode)) add('creditCode', '一企来诉求须填写统一社会信用代码');
    else {
      const code = checkCreditCode(form.creditCode);
      if (!code.ok) add('creditCode', code.message);
    }
    if (form.handlingMode === 'dispatch') {
      if (blank(form.enterpriseMode)) add('enterpriseMode', '一企来派单须选择办理方式');
      else if (!rules.config.enterpriseModes.some((mode) => mode.code === form.enterpriseMode))
        add('enterpriseMode', '办理方式不在本中心的列表中');
    }
  }

  if (form.handlingMode === 'direct') {
    if (form.reply.trim().length < 5) add('reply', '直接办结须填写答复内容（至少 5 个字）');
  } else {
    if (blank(form.leadDepartment)) add('leadDepartment', '派单须选择主办部门');
    else if (!rules.config.departments.includes(form.leadDepartment)) add('leadDepartment', '主办部门不在部门列表中');
    const unknown = form.coDepartments.filter((department) => !rules.config.departments.includes(department));
    if (unknown.length > 0) add('coDepartments', `协办部门不在列表中：${unknown.join('、')}`);
    if (form.coDepartments.includes(form.leadDepartment)) add('coDepartments', '协办部门不能与主办部门相同');
  }
  return problems;
};
