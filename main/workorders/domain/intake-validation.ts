import type { FieldProblem, IntakeForm } from '../../../preload/contract';
import { normalizePhoneNumber } from '../../callers/domain/phone-number';
import { checkCreditCode } from '../../enterprise/domain/credit-code';
import type { Category, IntakeConfig } from './intake-reference';

export interface IntakeRules {
  readonly config: IntakeConfig;
  readonly categories: ReadonlyMap<string, Category>;
  readonly regionCodes: ReadonlySet<string>;
}

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
  const category = rules.categories.get(form.categoryCode);
  const required = new Set(category?.required ?? []);

  if (!rules.config.channels.includes(form.channel)) add('channel', '请选择受理渠道');
  if (blank(form.requestType)) add('requestType', '请选择诉求类型');
  else if (!rules.config.requestTypes.includes(form.requestType)) add('requestType', `未知的诉求类型“${form.requestType}”`);
  if (blank(form.categoryCode)) add('categoryCode', '请选择诉求分类');
  else if (!category) add('categoryCode', '分类不存在，请重新选择');
  else if (category.level !== 3) add('categoryCode', '请选择到第三级（最细）分类');

  if (blank(form.regionCode)) {
    if (required.has('regionCode')) add('regionCode', `“${category?.name}”须填写发生地点（区县或街道）`);
  } else if (!rules.regionCodes.has(form.regionCode)) add('regionCode', '地点不存在，请重新选择');
  if (blank(form.address) && required.has('address')) add('address', `“${category?.name}”须填写详细地址`);

  if (blank(form.title)) add('title', '请填写标题');
  else if (form.title.trim().length < 4) add('title', '标题至少 4 个字');
  if (blank(form.content)) add('content', '请填写诉求内容');
  else if (form.content.trim().length < 10) add('content', '诉求内容至少 10 个字，请记录时间、地点和具体问题');
  if (!rules.config.urgencies.some((level) => level.code === form.urgency)) add('urgency', '请选择紧急程度');

  if (!form.anonymous) {
    if (blank(form.callerName) && required.has('contactName')) add('callerName', `“${category?.name}”须登记来电人姓名`);
    if (blank(form.contactNumber)) add('contactNumber', '请填写联系电话，或勾选“匿名”');
  }
  if (!blank(form.contactNumber) && normalizePhoneNumber(form.contactNumber).key === null)
    add('contactNumber', '联系电话无法识别，请核对');
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
