import { openProfileDb, profileKey } from '../../../harness/profile-database';
import { describe, expect, it } from 'vitest';
import type { CallContext, IntakeDraft, IntakePreview, Result } from '../../../../preload/contract';
import { openDatabase } from '../../../../main/db/open-database';
import { databaseFile } from '../../../../main/profile/database-file';
import { computeDeadline } from '../../../../main/workorders/domain/deadline';
import { bundledCalendar } from '../../../../main/workorders/domain/holiday-calendar';
import { loadIntakeReference } from '../../../../main/workorders/intake-reference-data';
import { seedCallerHistory } from '../../../harness/history-fixtures';
import { completeIntakeForm as complete } from '../../../harness/intake-form';
import { useTempDirs } from '../../../harness/temp-dir';
import { configureForOrders, startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();
const context: CallContext = { transport: 'test', origin: 'test://' };

const unwrap = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

const configuredServices = async (profile: string) => {
  const services = await startTestServices(profile);
  await configureForOrders(services, 'SZ-0042');
  return services;
};

describe('deadline rules', () => {
  const config = loadIntakeReference().config;
  const at = (iso: string) => new Date(iso);
  it('gives a consultation one working day, to the end of that day in China time', () => {
    // Friday 2026-11-27 15:00 China time → Monday 2026-11-30 23:59:59 China time.
    expect(
      computeDeadline(
        { createdAt: at('2026-11-27T07:00:00Z'), requestType: '咨询', categoryCode: '010101', urgency: 'normal' },
        config,
        bundledCalendar,
      ),
    ).toEqual({
      deadlineAt: '2026-11-30T15:59:59.000Z',
      basis: '1 个工作日',
      calendarKnown: true,
    });
  });
  it('counts the China date, not the UTC date, of a call late in the evening', () => {
    // 2025-09-30 23:30 China time is still 09-30 there: the next working day is 10-09.
    const result = computeDeadline(
      { createdAt: at('2025-09-30T15:30:00Z'), requestType: '咨询', categoryCode: '', urgency: 'normal' },
      config,
      bundledCalendar,
    );
    expect(result.deadlineAt).toBe('2025-10-09T15:59:59.000Z');
  });
  it('uses the category rule, then the default of 5, and hours for urgent orders', () => {
    const base = { createdAt: at('2026-11-27T07:00:00Z'), urgency: 'normal' };
    expect(computeDeadline({ ...base, requestType: '投诉', categoryCode: '040101' }, config, bundledCalendar).basis).toBe(
      '3 个工作日',
    );
    expect(computeDeadline({ ...base, requestType: '投诉', categoryCode: '070101' }, config, bundledCalendar)).toMatchObject({
      basis: '5 个工作日',
      deadlineAt: '2026-12-04T15:59:59.000Z',
    });
    expect(
      computeDeadline({ ...base, requestType: '求助', categoryCode: '050301', urgency: 'critical' }, config, bundledCalendar),
    ).toMatchObject({
      basis: '特急：2 小时',
      deadlineAt: '2026-11-27T09:00:00.000Z',
    });
  });
  it('says when the holiday calendar of the due year is not known yet', () => {
    expect(
      computeDeadline(
        { createdAt: at('2026-12-30T02:00:00Z'), requestType: '投诉', categoryCode: '', urgency: 'normal' },
        config,
        bundledCalendar,
      ).calendarKnown,
    ).toBe(false);
  });
});

describe('intake through the contract', () => {
  it('lists what is missing field by field, with the category’s own requirements', async () => {
    const services = await configuredServices(tempDir());
    const preview = unwrap<IntakePreview>(
      await services.dispatch(
        'intake.preview',
        { form: { ...complete, regionCode: '', address: '', title: '', leadDepartment: '', contactNumber: '12' } },
        context,
      ),
    );
    expect(preview.missing).toEqual([
      { field: 'regionCode', message: '“施工噪音”须填写发生地点（区县或街道）' },
      { field: 'address', message: '“施工噪音”须填写详细地址' },
      { field: 'title', message: '请填写标题' },
      { field: 'contactNumber', message: '联系电话无法识别，请核对' },
      { field: 'leadDepartment', message: '派单须选择主办部门' },
    ]);
    expect(preview.prompt).toBe('时间、地点、噪音来源、持续多久');
    await services.close();
  });

  it('refuses to submit an incomplete order with field-level messages and keeps the draft', async () => {
    const services = await configuredServices(tempDir());
    const draft = unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: 'call-1', fresh: false }, context));
    const refused = await services.dispatch(
      'intake.submit',
      { draftId: draft.id, form: { ...complete, content: '太吵' }, duplicateOf: null },
      context,
    );
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '工单未提交：还有 1 项需要补充',
        fields: [{ field: 'content', message: '诉求内容至少 10 个字，请记录时间、地点和具体问题' }],
      },
    });
    expect(
      unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: 'call-1', fresh: false }, context)).id,
    ).toBe(draft.id);
    await services.close();
  });

  it('submits order, caller, event and outbox rows together, with a number from centre, date, station and sequence', async () => {
    const profile = tempDir();
    const services = await configuredServices(profile);
    const first = unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: null, fresh: true }, context));
    const second = unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: null, fresh: true }, context));
    const a = unwrap<{ workOrderId: string; number: string; deadlineAt: string }>(
      await services.dispatch('intake.submit', { draftId: first.id, form: complete, duplicateOf: null }, context),
    );
    const b = unwrap<{ number: string }>(
      await services.dispatch(
        'intake.submit',
        {
          draftId: second.id,
          form: { ...complete, handlingMode: 'direct', reply: '已告知夜间施工投诉渠道。' },
          duplicateOf: null,
        },
        context,
      ),
    );
    // Never signed in to a platform: the station is provisional (L and four characters), the same for the day's orders.
    expect(a.number).toMatch(/^320505\d{8}L[0-9A-HJKMNP-TV-Z]{4}0001$/);
    expect(b.number).toBe(`${a.number.slice(0, -4)}0002`);
    expect(
      await services.dispatch('intake.submit', { draftId: first.id, form: complete, duplicateOf: null }, context),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await services.close();

    const db = openProfileDb(profile, { readonly: true });
    expect(
      db
        .prepare('SELECT status, handling_mode, lead_department, contact_number, created_by FROM work_orders ORDER BY number')
        .all(),
    ).toEqual([
      {
        status: 'registered',
        handling_mode: 'dispatch',
        lead_department: '城市管理局',
        contact_number: '13812345678',
        created_by: 'SZ-0042',
      },
      {
        status: 'resolved',
        handling_mode: 'direct',
        lead_department: null,
        contact_number: '13812345678',
        created_by: 'SZ-0042',
      },
    ]);
    expect(db.prepare('SELECT count(*) FROM callers WHERE number_key = ?').pluck().get('13812345678')).toBe(1);
    expect(db.prepare('SELECT stream, count(*) AS n FROM outbox GROUP BY stream ORDER BY stream').all()).toEqual([
      // The settings saved to configure the console, audited.
      { stream: 'audit', n: 1 },
      { stream: 'caller', n: 1 },
      { stream: 'work_order', n: 2 },
      { stream: 'work_order_event', n: 2 },
    ]);
    expect(db.prepare('SELECT category_code FROM recent_categories').pluck().all()).toEqual(['040101']);
    db.close();
  });

  it('finds open orders from the same caller or at the same place in the same category, and links a 重复件', async () => {
    const profile = tempDir();
    const { db } = openDatabase({ file: databaseFile(profile), key: profileKey(profile) });
    const existing = seedCallerHistory(db, { numberKey: '13812345678', open: 1, closed: 1, calls: 0, now: new Date() });
    db.close();
    const services = await configuredServices(profile);
    const byCaller = unwrap<IntakePreview>(
      await services.dispatch('intake.preview', { form: { ...complete, regionCode: '', categoryCode: '' } }, context),
    );
    expect(byCaller.duplicates).toMatchObject([{ id: existing.openOrderIds[0], reason: 'same-caller' }]);
    const byPlace = unwrap<IntakePreview>(
      await services.dispatch('intake.preview', { form: { ...complete, contactNumber: '13900000000' } }, context),
    );
    expect(byPlace.duplicates).toMatchObject([{ id: existing.openOrderIds[0], reason: 'same-place-and-category' }]);

    const draft = unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: null, fresh: true }, context));
    unwrap(
      await services.dispatch(
        'intake.submit',
        { draftId: draft.id, form: complete, duplicateOf: existing.openOrderIds[0] },
        context,
      ),
    );
    await services.close();
    const check = openProfileDb(profile, { readonly: true });
    const linked = check
      .prepare(
        'SELECT w.duplicate_of, e.note FROM work_orders w JOIN work_order_events e ON e.work_order_id = w.id WHERE w.duplicate_of IS NOT NULL',
      )
      .get();
    check.close();
    expect(linked).toMatchObject({
      duplicate_of: existing.openOrderIds[0],
      note: expect.stringMatching(/^重复件，并入工单 3205/),
    });
  });

  it('autosaves drafts, keeps the newest revision and reopens the draft of a call after a restart', async () => {
    const profile = tempDir();
    const services = await configuredServices(profile);
    const draft = unwrap<IntakeDraft>(
      await services.dispatch('intake.openDraft', { callRef: 'sip-call-42', fresh: false }, context),
    );
    unwrap(
      await services.dispatch('intake.saveDraft', { id: draft.id, revision: 5, form: { ...complete, title: '第五版' } }, context),
    );
    const late = unwrap<{ revision: number }>(
      await services.dispatch(
        'intake.saveDraft',
        { id: draft.id, revision: 3, form: { ...complete, title: '迟到的第三版' } },
        context,
      ),
    );
    expect(late.revision).toBe(5);
    await services.close();

    const restarted = await configuredServices(profile);
    const reopened = unwrap<IntakeDraft>(await restarted.dispatch('intake.openDraft', { callRef: null, fresh: false }, context));
    expect(reopened).toMatchObject({ id: draft.id, callRef: 'sip-call-42', revision: 5, form: { title: '第五版' } });
    await restarted.close();
  });

  it('refuses a submission without a centre code, naming where to set it', async () => {
    const services = await startTestServices(tempDir());
    const draft = unwrap<IntakeDraft>(await services.dispatch('intake.openDraft', { callRef: null, fresh: true }, context));
    expect(
      await services.dispatch('intake.submit', { draftId: draft.id, form: complete, duplicateOf: null }, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('设置') },
    });
    await services.close();
  });
});
