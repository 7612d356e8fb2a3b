import { join } from 'node:path';
import { signInDepartment } from '../harness/department-client';
import { startPlatformProcess } from '../harness/platform-process';
import { expect, test } from './fixtures';
import { signedInConsole } from '../harness/console-settings';
import { trainingRing } from './training-ring';
import { typeNoiseOrder } from './type-order';

const NUMBER = '13951512626';
// The reference platform's demo accounts (tests/platform/platform-demo.ts).
const PASSWORD = 'demo1234';
const DAY = 24 * 3600 * 1000;

test('the platform moves an order through 派单 → 签收 → 延期 → 办结 while its citizen is on the line: the caller panel follows each step and clock, 催办 and 回访 go back', async ({
  page,
  shell,
}) => {
  // Three calls and four department steps: 13 s alone, 21–24 s beside CI's other worker, once 32 s.
  test.setTimeout(60_000);
  const port = 21_000 + Math.floor(Math.random() * 10_000);
  const platform = await startPlatformProcess(join(shell.profileDir, 'platform.sqlite'), port);
  try {
    const department = await signInDepartment(platform.url, 'D0001', PASSWORD);
    await signedInConsole(page, shell.current().url, { agentId: 'A0007', platformUrl: platform.url, password: PASSWORD });

    // First call: the complaint, dispatched to 城市管理局.
    await trainingRing(page, NUMBER);
    await page.keyboard.press('F2');
    await typeNoiseOrder(page, {
      address: '金山路 12 号',
      name: '司马青',
      title: '工地夜间打桩',
      content: '每晚 23 点后仍在打桩',
    });
    await page.getByRole('button', { name: '结束模拟' }).click();
    await expect
      .poll(async () => (await department.orders()).map((order) => order.title), {
        timeout: 20_000,
        message: 'the order reaches the platform',
      })
      .toEqual(['工地夜间打桩']);
    const orderId = (await department.orders())[0]!.id;
    const departmentActs = (step: Record<string, unknown>) => department.step(orderId, step);

    // Second call: the citizen asks where it stands; the departments act while the panel is on screen.
    await trainingRing(page, NUMBER);
    const panel = page.getByRole('complementary', { name: '来电信息' });
    const open = panel
      .getByRole('list', { name: /未办结工单/ })
      .getByRole('listitem')
      .first();
    await expect(open).toContainText('工地夜间打桩');
    const step = open.getByTestId('order-step');

    await departmentActs({ kind: 'dispatched', status: 'dispatched', actor: '市热线办', note: null, department: '城市管理局' });
    await expect(step).toContainText('派单');
    await expect(step).toContainText('城市管理局');
    await expect(step.getByTestId('step-clock')).toContainText('签收时限');
    await expect(step.getByTestId('step-clock')).toHaveAttribute('data-state', 'running');

    await departmentActs({ kind: 'accepted', status: 'accepted', actor: '张科长', note: '已签收', department: '城市管理局' });
    await expect(step).toContainText('签收');
    await expect(step.getByTestId('step-clock')).toContainText('办结时限');

    await departmentActs({
      kind: 'postponed',
      outcome: 'requested',
      actor: '张科长',
      note: '需夜间停工协调',
      department: '城市管理局',
    });
    await expect(step).toContainText('延期申请');
    await expect(step.getByTestId('step-clock')).toContainText('延期审批时限');

    // Approved: 20 days more, the panel's deadline and the step's clock both move there.
    const newDeadline = new Date(Date.now() + 20 * DAY);
    await departmentActs({
      kind: 'postponed',
      outcome: 'approved',
      status: 'postponed',
      deadlineAt: newDeadline.toISOString(),
      dueAt: newDeadline.toISOString(),
      actor: '市热线办',
      note: '同意延期',
      department: '市热线办',
    });
    await expect(step).toContainText('延期批准');
    await expect(open).toContainText('延期中');
    await expect(step.getByTestId('step-clock')).toContainText('办结时限');
    await expect(step.getByTestId('step-clock')).toContainText(/19 天|20 天/);

    // The citizen chases it: one click, and the platform has the 催办 with the department it chases.
    await open.getByRole('button', { name: '为“工地夜间打桩”登记催办' }).click();
    await expect(panel.getByRole('status').filter({ hasText: '已登记催办（第 1 次）' })).toBeVisible();
    await expect
      .poll(async () => (await department.order(orderId)).steps.find((step) => step.kind === 'urged')?.department ?? null, {
        timeout: 20_000,
      })
      .toBe('城市管理局');
    await page.getByRole('button', { name: '结束模拟' }).click();

    await departmentActs({
      kind: 'resolved',
      status: 'resolved',
      actor: '张科长',
      note: '已责令夜间停工',
      department: '城市管理局',
    });

    // Third call, the 回访: the resolved order offers the satisfaction in one click.
    await trainingRing(page, NUMBER);
    const recent = panel
      .getByRole('list', { name: /历史工单/ })
      .getByRole('listitem')
      .first();
    await expect(recent).toContainText('已办结', { timeout: 20_000 });
    // County PCs: the panel and the call controls fit both screens they run.
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(recent.getByRole('group', { name: '“工地夜间打桩”的回访结果' })).toBeInViewport();
      await expect(page.getByRole('button', { name: '结束模拟' })).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`lifecycle-panel-${width}.png`) });
    }
    await recent.getByRole('group', { name: '“工地夜间打桩”的回访结果' }).getByRole('button', { name: '基本满意' }).click();
    await expect(panel.getByRole('status').filter({ hasText: '已登记回访结果：基本满意' })).toBeVisible();
    await expect(recent).toContainText('已回访');
    await expect.poll(async () => (await department.order(orderId)).order.status, { timeout: 20_000 }).toBe('visited');

    // The whole life in the order drawer: every step with its department and how its clock ended.
    await recent.getByRole('button').first().click();
    const drawer = page.getByRole('dialog', { name: /^工单 / });
    const steps = drawer.getByTestId('timeline-step');
    await expect(steps).toHaveText([
      /受理/,
      /派单.*城市管理局.*签收时限.*按时/,
      /签收.*城市管理局.*办结时限.*获批延期，改按新时限/,
      /延期申请.*延期审批时限.*按时/,
      /延期批准.*市热线办.*办结时限.*按时/,
      /催办.*城市管理局/,
      /办结.*城市管理局.*回访时限.*按时/,
      /回访：基本满意/,
    ]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(steps.last()).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('lifecycle-drawer-1366.png') });
  } finally {
    await platform.kill();
  }
});
