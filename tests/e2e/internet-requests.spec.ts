import type { Page } from '@playwright/test';
import { platformWithSecondConsole } from './second-console';
import { expect, test } from './fixtures';
import { signedInConsole } from '../harness/console-settings';
import { trainingRing } from './training-ring';
import { intakeForm } from './type-order';

const PASSWORD = 'demo1234';

/** The citizen on a phone: the H5 page opened from the WeChat menu, typed field by field. */
const citizenTypes = async (
  citizen: Page,
  request: { title: string; content: string; address: string; name: string; number: string },
): Promise<void> => {
  await citizen.getByLabel('诉求类型').selectOption('投诉');
  await citizen.getByLabel('诉求分类').selectOption({ label: '城市管理 / 噪音扰民 / 施工噪音' });
  await citizen.getByLabel('发生地点').selectOption({ label: '苏州市 / 虎丘区' });
  await citizen.getByLabel('详细地址').pressSequentially(request.address, { delay: 30 });
  await citizen.getByLabel('联系人').pressSequentially(request.name, { delay: 30 });
  await citizen.getByLabel('联系电话').pressSequentially(request.number, { delay: 30 });
  await citizen.getByLabel('标题').pressSequentially(request.title, { delay: 30 });
  await citizen.getByLabel('诉求内容').fill(request.content);
};

test('internet requests: refused incomplete on the citizen page, in the 网络诉求 queue within 2 s, taken by one agent only, completed without a call-back, a question and its answer through the channel, 一次成功率, and a call that rings meanwhile', async ({
  page,
  shell,
  browser,
}) => {
  test.setTimeout(120_000);
  const colleague = await platformWithSecondConsole(browser, shell.profileDir);
  const platform = { url: colleague.platformUrl };
  const citizenContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  try {
    await signedInConsole(page, shell.current().url, { agentId: 'A0007', platformUrl: platform.url, password: PASSWORD });
    const second = colleague.page;
    await signedInConsole(second, colleague.shellUrl, { agentId: 'A0008', platformUrl: platform.url, password: PASSWORD });
    const queueOf = (console: Page) => console.getByRole('region', { name: '网络诉求' });
    await expect(queueOf(page)).toContainText('暂无待受理的网络诉求');

    // The citizen leaves out the address the category needs: the page says so and sends nothing.
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${platform.url}/h5/?centre=320505&channel=${encodeURIComponent('微信')}`);
    await citizenTypes(citizen, {
      title: '工地凌晨施工',
      content: '金山路工地每天凌晨两点还在浇筑混凝土，噪音很大',
      address: '',
      name: '慕容秋',
      number: '13962626262',
    });
    await citizen.getByRole('button', { name: '提交诉求' }).click();
    await expect(citizen.getByText('“施工噪音”须填写详细地址')).toBeVisible();
    await expect(citizen.getByRole('status')).toContainText('还有 1 项需要补充');
    await page.waitForTimeout(500);
    await expect(queueOf(page)).toContainText('暂无待受理的网络诉求');

    // Completed: it reaches both consoles' queues within 2 s.
    await citizen.getByLabel('详细地址').pressSequentially('金山路 66 号', { delay: 30 });
    // A photo of the site (the first bytes of a JPEG are what the platform checks).
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 7)]);
    await citizen.getByLabel(/照片或文件/).setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: photo });
    const sentAt = Date.now();
    await citizen.getByRole('button', { name: '提交诉求' }).click();
    await expect(citizen.getByRole('status')).toHaveText('诉求已提交，热线将尽快处理');
    const item = queueOf(page).getByTestId('internet-item').filter({ hasText: '工地凌晨施工' });
    await expect(item).toBeVisible({ timeout: 2_000 });
    console.log(`internet: in the queue ${Date.now() - sentAt} ms after 提交诉求`);
    await expect(item).toContainText('微信');
    await expect(item).toContainText('附件：现场照片.jpg（3 KB）');
    await expect(queueOf(second).getByTestId('internet-item').filter({ hasText: '工地凌晨施工' })).toBeVisible({
      timeout: 2_000,
    });

    // A0007 takes it; A0008's queue loses it at once.
    await item.getByRole('button', { name: '受理“工地凌晨施工”' }).click();
    const form = intakeForm(page);
    await expect(form.getByLabel('标题', { exact: true })).toHaveValue('工地凌晨施工');
    await expect(form.getByLabel('受理渠道')).toHaveValue('微信');
    await expect(form.getByLabel('详细地址')).toHaveValue('金山路 66 号');
    await expect(form.getByLabel('派单说明')).toHaveValue('市民提交附件 1 个：现场照片.jpg');
    await expect(queueOf(second)).toContainText('暂无待受理的网络诉求', { timeout: 2_000 });

    // Classified and dispatched by keyboard; the citizen's page says it became an order.
    await form.getByLabel('主办部门').focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown'); // 城市管理局
    await expect(form.getByText('还需补充')).toHaveCount(0);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: /工单 \d+.*已提交/ })).toBeVisible();
    await expect(citizen.getByText('已受理，工单已生成')).toBeVisible({ timeout: 20_000 });
    await expect(queueOf(page)).toContainText('暂无待受理的网络诉求');
    await expect(queueOf(page).getByTestId('internet-figures')).toContainText('本人 100%', { timeout: 20_000 });

    // A second request, from the website: the agent asks for the 门牌号 instead of calling back.
    const secondCitizen = await citizenContext.newPage();
    await secondCitizen.goto(`${platform.url}/h5/?centre=320505&channel=${encodeURIComponent('网站')}`);
    await citizenTypes(secondCitizen, {
      title: '小区门口夜间施工',
      content: '小区门口道路每晚十一点后开挖路面，影响休息',
      address: '枫桥街道',
      name: '上官青',
      number: '13962627777',
    });
    await secondCitizen.getByRole('button', { name: '提交诉求' }).click();
    const asked = queueOf(page).getByTestId('internet-item').filter({ hasText: '小区门口夜间施工' });
    await asked.getByRole('button', { name: '受理“小区门口夜间施工”' }).click();
    await expect(form.getByLabel('标题', { exact: true })).toHaveValue('小区门口夜间施工');
    await asked.getByRole('button', { name: /询问记录/ }).click();
    const askForm = asked.getByRole('form', { name: '就“小区门口夜间施工”询问市民' });
    await askForm.getByLabel(/向市民询问/).pressSequentially('请补充具体的小区名称和门牌号', { delay: 20 });
    await askForm.getByRole('button', { name: '发送询问' }).click();
    await expect(asked).toContainText('等待市民答复');

    // A call rings while the request's draft is open: it rings and is answered at once.
    await trainingRing(page, '13812345000');
    const answer = page.getByRole('button', { name: '接听' });
    await expect(answer).toBeEnabled();
    await answer.click();
    await expect(page.getByRole('button', { name: '挂断' })).toBeEnabled();
    await page.getByRole('button', { name: '结束模拟' }).click();

    // The question reaches the citizen's page; the answer comes back to the item.
    await expect(secondCitizen.getByText('热线：请补充具体的小区名称和门牌号')).toBeVisible({ timeout: 5_000 });
    await secondCitizen.getByLabel('回复热线的问题').fill('枫桥街道锦峰苑 3 号门');
    await secondCitizen.getByRole('button', { name: '回复' }).click();
    await expect(asked).toContainText('答：枫桥街道锦峰苑 3 号门', { timeout: 5_000 });
    await expect(asked).toContainText('市民已答复');

    // Back to the request's draft (the call's draft was offered beside it), completed with the answer.
    await asked.getByRole('button', { name: '打开工单草稿' }).click();
    await expect(form.getByLabel('标题', { exact: true })).toHaveValue('小区门口夜间施工');
    await form.getByLabel('详细地址').fill('枫桥街道锦峰苑 3 号门');
    await form.getByLabel('主办部门').focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: /工单 \d+.*已提交/ })).toBeVisible();
    await expect(secondCitizen.getByText('已受理，工单已生成')).toBeVisible({ timeout: 20_000 });
    // One of two completed without asking: 50 %; one question sent, one call-back avoided.
    await expect(queueOf(page).getByTestId('internet-figures')).toHaveText(
      '一次成功率：本人 50% · 中心 50% · 已询问 1 次 · 免回拨 1 件 · 电话回拨 0 次',
      { timeout: 20_000 },
    );
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: test.info().outputPath('internet-1366.png') });
    await citizen.screenshot({ path: test.info().outputPath('citizen-page.png') });
  } finally {
    await citizenContext.close();
    await colleague.close();
  }
});
