import { describe, expect, it } from 'vitest';
import type { InternetQueueView } from '../../preload/contract';
import { context, startSyncedConsole, startTestPlatform, syncStatus, waitFor } from '../harness/sync-fixtures';
import { bundledCatalogue } from '../../main/workorders/domain/catalogue-schema';
import { emptyForm } from '../../main/workorders/intake-service';
import { useTempDirs } from '../harness/temp-dir';

const tempDir = useTempDirs();

const complete = {
  requestType: '投诉',
  categoryCode: '040101',
  regionCode: '320505',
  address: '金山路 66 号',
  contactName: '慕容秋',
  contactNumber: '13962626262',
  title: '工地凌晨施工',
  content: '金山路工地每天凌晨两点还在浇筑混凝土，噪音很大',
};

const submit = (url: string, body: unknown) =>
  fetch(`${url}/v1/public/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('internet requests through the platform and two consoles (real platform, real SQLite)', () => {
  it('refuses what the page would refuse, gives an item to one agent only, and completes it once from the outbox', async () => {
    const platform = await startTestPlatform(tempDir());
    // Anyone can POST: the platform runs the same check as the page.
    const incomplete = await submit(platform.url, {
      centreCode: '320505',
      channel: '微信',
      submission: { ...complete, address: '' },
    });
    expect(incomplete.status).toBe(422);
    expect(await incomplete.json()).toMatchObject({ problems: [{ key: 'address', message: '“施工噪音”须填写详细地址' }] });
    expect((await submit(platform.url, '{"centreCode": "320505", ')).status).toBe(400);
    expect((await submit(platform.url, { centreCode: '320505', channel: '电报', submission: complete })).status).toBe(400);

    // Attachments: the platform decides the type from the bytes, not from the name.
    const fakePhoto = { name: '现场.jpg', dataBase64: Buffer.from('not a photo at all').toString('base64') };
    const faked = await submit(platform.url, {
      centreCode: '320505',
      channel: '微信',
      submission: complete,
      attachments: [fakePhoto],
    });
    expect(faked.status).toBe(400);
    expect(await faked.json()).toMatchObject({ error: '附件“现场.jpg”不是 JPEG、PNG 或 PDF' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500)]);
    const tooMany = Array.from({ length: 4 }, (_, index) => ({ name: `p${index}.png`, dataBase64: png.toString('base64') }));
    expect(
      (await submit(platform.url, { centreCode: '320505', channel: '微信', submission: complete, attachments: tooMany })).status,
    ).toBe(400);
    const created = (await (
      await submit(platform.url, {
        centreCode: '320505',
        channel: '微信',
        submission: complete,
        attachments: [{ name: '门口.png', dataBase64: png.toString('base64') }],
      })
    ).json()) as {
      id: string;
      token: string;
    };
    // The citizen's view needs the token the page got; without it the request is not found.
    expect((await fetch(`${platform.url}/v1/public/requests/${created.id}`)).status).toBe(404);

    const first = await startSyncedConsole(tempDir(), platform.url, 'A0001');
    const second = await startSyncedConsole(tempDir(), platform.url, 'A0002');
    const queue = async (services: typeof first) => {
      const result = await services.dispatch('internet.queue', undefined, context);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as InternetQueueView;
    };
    expect((await queue(first)).items.map((item) => item.title)).toEqual(['工地凌晨施工']);
    expect((await queue(first)).items[0]).toMatchObject({
      channel: '微信',
      status: 'waiting',
      mine: false,
      missing: [],
      attachments: [{ name: '门口.png', type: 'image/png', size: 508 }],
    });

    const taken = await first.dispatch('internet.take', { itemId: created.id }, context);
    expect(taken).toMatchObject({ ok: true, value: { callRef: `internet:${created.id}` } });
    const refused = await second.dispatch('internet.take', { itemId: created.id }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toContain('已由坐席 A0001 受理');
    expect((await queue(second)).items).toEqual([]);
    expect((await queue(first)).items[0]).toMatchObject({ status: 'taken', mine: true });

    // The draft carries the citizen's words; taking it again opens the same draft.
    const draftId = taken.ok ? (taken.value as { draftId: string }).draftId : '';
    const opened = await first.dispatch('intake.openDraft', { callRef: `internet:${created.id}`, fresh: false }, context);
    expect(opened).toMatchObject({
      ok: true,
      value: { id: draftId, form: { channel: '微信', title: '工地凌晨施工', callerName: '慕容秋' } },
    });
    expect(await first.dispatch('internet.take', { itemId: created.id }, context)).toMatchObject({
      ok: true,
      value: { draftId },
    });

    // Only the taker asks; the question reaches the citizen's view.
    expect(await second.dispatch('internet.ask', { itemId: created.id, text: '请补充门牌号' }, context)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await first.dispatch('internet.ask', { itemId: created.id, text: '请' }, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await first.dispatch('internet.ask', { itemId: created.id, text: '请补充门牌号' }, context)).toMatchObject({
      ok: true,
    });
    const citizenView = (await (
      await fetch(`${platform.url}/v1/public/requests/${created.id}`, { headers: { 'x-citizen-token': created.token } })
    ).json()) as { status: string; questions: { id: string; text: string }[] };
    expect(citizenView).toMatchObject({ status: 'asked', questions: [{ text: '请补充门牌号' }] });

    // A phone call-back stays possible: recorded, and only by the taker.
    expect(await first.dispatch('internet.callBack', { itemId: created.id }, context)).toMatchObject({
      ok: true,
      value: { number: '13962626262' },
    });
    expect(await second.dispatch('internet.callBack', { itemId: created.id }, context)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // Submitting the draft completes the item through the outbox, once.
    const form = (opened.ok ? (opened.value as { form: Record<string, unknown> }).form : {}) as Record<string, unknown>;
    const submitted = await first.dispatch(
      'intake.submit',
      { draftId, form: { ...form, leadDepartment: '城市管理局' }, duplicateOf: null },
      context,
    );
    expect(submitted.ok).toBe(true);
    first.sync.nudge();
    const after = await waitFor(
      () => queue(first),
      (view) => view.items.length === 0 && view.figures?.agent.completed === 1,
    );
    // Asked once before completing: not a first-time success; one question, unanswered, and a call-back made.
    expect(after.figures).toEqual({
      agent: { completed: 1, firstTime: 0, questionsSent: 1, callbacksAvoided: 0, callbacksMade: 1 },
      centre: { completed: 1, firstTime: 0, questionsSent: 1, callbacksAvoided: 0, callbacksMade: 1 },
    });
    expect(platform.store.appliedCount('internet_item')).toBe(1);
    await first.close();
    await second.close();
    await platform.close();
  }, 60_000);

  it('takes the platform’s data catalogue by sync: a new rule holds in the console’s form and on the citizen page; a broken one is skipped', async () => {
    const platform = await startTestPlatform(tempDir());
    const services = await startSyncedConsole(tempDir(), platform.url);
    const stricter = {
      version: bundledCatalogue.version + 1,
      items: bundledCatalogue.items.map((item) =>
        item.key === 'contactName'
          ? { ...item, required: 'always', messages: { missing: '请填写联系人姓名（本中心要求实名）' } }
          : item,
      ),
    };
    platform.store.publishShared('catalogue', 'default', 'upsert', stricter.version, stricter);
    platform.server.announce('*', ['catalogue']);
    const form = { ...emptyForm(false), requestType: '咨询', title: '公积金提取咨询', content: '咨询租房提取公积金的条件和材料' };
    const missing = async () => {
      const result = await services.dispatch('intake.preview', { form }, context);
      return result.ok ? (result.value as { missing: { field: string; message: string }[] }).missing : [];
    };
    const seen = await waitFor(missing, (problems) => problems.some((problem) => problem.field === 'callerName'));
    expect(seen).toContainEqual({ field: 'callerName', message: '请填写联系人姓名（本中心要求实名）' });
    const page = await submit(platform.url, {
      centreCode: '320505',
      channel: '网站',
      submission: { ...complete, contactName: '' },
    });
    expect(page.status).toBe(422);

    // A catalogue that does not parse is skipped: the stricter one stays in force.
    platform.store.publishShared('catalogue', 'default', 'upsert', stricter.version + 1, {
      version: stricter.version + 1,
      items: [],
    });
    const publishedAt = new Date().toISOString();
    platform.server.announce('*', ['catalogue']);
    services.sync.nudge();
    // A sync that started after the publication has finished: the broken one was pulled (and skipped).
    await waitFor(
      () => syncStatus(services),
      (status) => status.lastSuccessAt !== null && status.lastSuccessAt > publishedAt && status.state === 'online',
    );
    expect(await missing()).toContainEqual({ field: 'callerName', message: '请填写联系人姓名（本中心要求实名）' });
    await services.close();
    await platform.close();
  });

  it('tells a console that is not signed in, instead of showing an empty queue as if nothing came', async () => {
    const { startTestServices } = await import('../harness/test-services');
    const services = await startTestServices(tempDir());
    expect(await services.dispatch('internet.queue', undefined, context)).toMatchObject({
      ok: true,
      value: { state: 'signed-out', items: [] },
    });
    expect(await services.dispatch('internet.take', { itemId: '0192f0c6-0000-7000-8000-000000000000' }, context)).toMatchObject({
      ok: false,
      error: { code: 'PLATFORM_UNAVAILABLE' },
    });
    await services.close();
  });
});
