import type { DeskHandlers, FieldProblem, IntakeDraft, IntakeForm } from '../../preload/contract';
import { intakeFormSchema } from '../../preload/contract/intake-contract';
import type { DbClient } from '../db/db-client';
import { normalizePhoneNumber } from '../callers/domain/phone-number';
import { isProvisionalNumber } from './domain/work-order-number';
import { DeskFailure } from '../shared/desk-failure';
import type { Logger } from '../log/logger';
import type { DataCatalogue } from './domain/data-catalogue';
import type { SettingsService } from '../settings/settings-service';
import { uuidv7 } from '../shared/domain/uuid-v7';
import { chinaDate, computeDeadline } from './domain/deadline';
import type { HolidayCalendar } from './domain/holiday-calendar';
import { intakeProblems, intakeRulesOf, isEnterpriseRequest } from './domain/intake-validation';
import { enterpriseClocks, enterpriseModeLabel } from '../enterprise/domain/enterprise-clocks';
import { checkCreditCode, normalizeCreditCode } from '../enterprise/domain/credit-code';
import type { IntakeReference } from './intake-reference-data';
import type { DraftRow } from './intake-repo';

const DUPLICATE_WINDOW_MS = 30 * 24 * 3600 * 1000;
const DUPLICATE_REASONS = ['same-place-and-category', 'same-caller', 'same-enterprise'] as const;

export const emptyForm = (callLinked: boolean): IntakeForm => ({
  channel: callLinked ? '电话' : '电话',
  callerName: '',
  contactNumber: '',
  anonymous: false,
  confidential: false,
  requestType: '',
  categoryCode: '',
  regionCode: '',
  address: '',
  title: '',
  content: '',
  urgency: 'normal',
  handlingMode: 'dispatch',
  reply: '',
  citedEntryId: null,
  leadDepartment: '',
  coDepartments: [],
  dispatchNote: '',
  callbackWanted: false,
  callbackMethod: 'phone',
  enterpriseName: '',
  creditCode: '',
  enterpriseMode: '',
});

/** The contract's intake namespace, implemented here: a new contract method is written once, in the contract. */
export type IntakeService = DeskHandlers['intake'];

export const createIntakeService = (deps: {
  readonly db: DbClient;
  readonly settings: SettingsService;
  readonly reference: () => IntakeReference;
  readonly calendar: () => HolidayCalendar;
  /** The data catalogue in force: the platform's once synced, else the bundled one. */
  readonly catalogue?: () => DataCatalogue;
  readonly log: Logger;
  readonly now?: () => Date;
}): IntakeService => {
  const { db, settings, log } = deps;
  const now = deps.now ?? (() => new Date());
  const rules = () => intakeRulesOf(deps.reference(), deps.catalogue?.());

  const draftFromRow = (row: DraftRow): IntakeDraft => {
    // A draft written by an older build may lack newer fields: start from the defaults, keep what parses.
    const parsed = intakeFormSchema.safeParse({ ...emptyForm(row.call_ref !== null), ...(JSON.parse(row.form_json) as object) });
    return {
      id: row.id,
      callRef: row.call_ref,
      form: parsed.success ? parsed.data : emptyForm(row.call_ref !== null),
      revision: row.revision,
      updatedAt: row.updated_at,
    };
  };

  /** The enterprise's handling mode when this is a dispatched 一企来 request with a known one. */
  const enterpriseModeOf = (form: IntakeForm) => {
    const config = deps.reference().config;
    if (!isEnterpriseRequest(form, config) || form.handlingMode !== 'dispatch') return null;
    return config.enterpriseModes.find((mode) => mode.code === form.enterpriseMode) ?? null;
  };

  const clocksOf = (form: IntakeForm, at: Date) => {
    const mode = enterpriseModeOf(form);
    return mode ? enterpriseClocks(at, mode, deps.calendar()) : [];
  };

  /** An enterprise mode's close clock is the order's deadline; otherwise the ordinary rule table decides. */
  const deadlineOf = (form: IntakeForm, at: Date) => {
    const close = clocksOf(form, at).find((clock) => clock.kind === 'close');
    if (close)
      return {
        deadlineAt: close.dueAt,
        basis: `一企来 ${enterpriseModeLabel(enterpriseModeOf(form)!)}：${close.basis}`,
        calendarKnown: true,
      };
    return form.requestType
      ? computeDeadline(
          { createdAt: at, requestType: form.requestType, categoryCode: form.categoryCode, urgency: form.urgency },
          deps.reference().config,
          deps.calendar(),
        )
      : null;
  };

  return {
    referenceData: async () => {
      const reference = deps.reference();
      return {
        channels: reference.config.channels,
        requestTypes: reference.config.requestTypes,
        urgencies: reference.config.urgencies.map(({ code, label }) => ({ code, label })),
        departments: [...reference.departments],
        categories: reference.categories.map((category) => ({ ...category, required: [...category.required] })),
        regions: [...reference.regions],
        recentCategories: await db.repos.intake.recentCategories(8),
        enterpriseChannel: reference.config.enterpriseChannel ?? null,
        enterpriseModes: reference.config.enterpriseModes.map((mode) => ({
          code: mode.code,
          group: mode.group,
          name: mode.name,
          clocks: `${mode.contactHours} 小时内联系，${mode.progressWorkingDays} 个工作日内反馈进展，${mode.closeWorkingDays} 个工作日内办结`,
        })),
      };
    },

    openDraft: async ({ callRef, fresh }) => {
      if (!fresh) {
        const existing = callRef ? await db.repos.intake.draftForCall(callRef) : await db.repos.intake.latestOpenDraft();
        if (existing) return draftFromRow(existing);
      }
      const at = now().toISOString();
      const id = uuidv7();
      const form = emptyForm(callRef !== null);
      await db.repos.intake.createDraft({ id, callRef, formJson: JSON.stringify(form), at });
      return { id, callRef, form, revision: 0, updatedAt: at };
    },

    saveDraft: async ({ id, revision, form }) => {
      const savedAt = now().toISOString();
      const result = await db.repos.intake.saveDraft({ id, revision, formJson: JSON.stringify(form), at: savedAt });
      if (!result) throw new DeskFailure('NOT_FOUND', '草稿不存在或已提交');
      return { revision: result.revision, savedAt };
    },

    discardDraft: async ({ id }) => ({ discarded: await db.repos.intake.discardDraft(id) }),

    preview: async ({ form }) => {
      const at = now();
      const number = normalizePhoneNumber(form.contactNumber);
      const code = isEnterpriseRequest(form, deps.reference().config) ? checkCreditCode(form.creditCode) : null;
      const creditCode = code?.ok ? code.code : null;
      const rows =
        number.key || creditCode || (form.regionCode && form.categoryCode)
          ? await db.repos.intake.duplicates({
              callerKey: number.key,
              creditCode,
              regionCode: form.regionCode,
              categoryCode: form.categoryCode,
              since: new Date(at.getTime() - DUPLICATE_WINDOW_MS).toISOString(),
            })
          : [];
      return {
        missing: intakeProblems(form, rules()),
        deadline: deadlineOf(form, at),
        enterpriseClocks: clocksOf(form, at),
        duplicates: rows.map((row) => ({
          id: row.id,
          number: row.number,
          title: row.title,
          status: row.status,
          createdAt: row.created_at,
          reason: DUPLICATE_REASONS[row.same_caller] ?? ('same-place-and-category' as const),
        })),
        prompt: deps.reference().categoryByCode.get(form.categoryCode)?.prompt ?? null,
      };
    },

    submit: async ({ draftId, form, duplicateOf }) => {
      const problems: FieldProblem[] = intakeProblems(form, rules());
      if (problems.length > 0) throw new DeskFailure('INVALID_INPUT', `工单未提交：还有 ${problems.length} 项需要补充`, problems);
      const current = await settings.current();
      if (!current.centreCode)
        throw new DeskFailure('INVALID_INPUT', '未配置中心代码，无法生成工单号：请在“设置”中填写', [
          { field: 'centreCode', message: '请在设置中填写中心代码' },
        ]);
      const duplicateOfNumber = duplicateOf ? await db.repos.intake.numberOf(duplicateOf) : null;
      if (duplicateOf && !duplicateOfNumber) throw new DeskFailure('NOT_FOUND', '要关联的原工单不存在');
      const at = now();
      const deadline = deadlineOf(form, at);
      const number = normalizePhoneNumber(form.contactNumber);
      const callerKind =
        number.kind === 'mobile' || number.kind === 'landline' || number.kind === 'service' || number.kind === 'international'
          ? number.kind
          : null;
      const direct = form.handlingMode === 'direct';
      const result = await db.repos.intake
        .submit({
          draftId,
          callerKey: number.key,
          callerKind,
          centreCode: current.centreCode,
          chinaDate: chinaDate(at),
          dispatchNote: form.dispatchNote.trim() || null,
          duplicateOfNumber,
          formJson: JSON.stringify(form),
          order: {
            channel: form.channel,
            contactName: form.anonymous ? null : form.callerName.trim() || null,
            contactNumber: number.key,
            requestType: form.requestType,
            categoryCode: form.categoryCode,
            regionCode: form.regionCode || null,
            address: form.address.trim() || null,
            title: form.title.trim(),
            content: form.content.trim(),
            urgency: form.urgency,
            handlingMode: form.handlingMode,
            leadDepartment: direct ? null : form.leadDepartment,
            coDepartments: direct ? [] : form.coDepartments,
            reply: direct ? form.reply.trim() : null,
            deadlineAt: deadline?.deadlineAt ?? null,
            status: direct ? 'resolved' : 'registered',
            duplicateOf,
            confidential: form.confidential,
            createdBy: current.agentId || 'unconfigured',
            createdAt: at.toISOString(),
            enterprise: isEnterpriseRequest(form, deps.reference().config)
              ? {
                  name: form.enterpriseName.trim(),
                  creditCode: normalizeCreditCode(form.creditCode),
                  mode: enterpriseModeOf(form)?.code ?? null,
                }
              : null,
          },
        })
        .catch((error: { code?: string }) => {
          if (error.code === 'DRAFT_CLOSED') throw new DeskFailure('NOT_FOUND', '草稿不存在或已提交，请新建工单');
          throw error;
        });
      log.info('intake.submitted', { mode: form.handlingMode, duplicate: duplicateOf !== null });
      return { ...result, provisionalNumber: isProvisionalNumber(result.number), deadlineAt: deadline?.deadlineAt ?? null };
    },
  };
};
