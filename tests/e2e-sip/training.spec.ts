import { bundledScenarios } from '../../main/training/training-scenarios';
import { callAsCitizen } from '../pbx-lab/citizen/simulated-citizen';
import { receivedAudio } from '../pbx-lab/lab-console';
import { DEFAULT_TURN_TAKING } from '../pbx-lab/citizen/turn-taking';
import { expect, test } from './lab-fixtures';
import { openProfileDb } from '../harness/profile-database';

const countRows = (profileDir: string, sql: string): number => {
  const db = openProfileDb(profileDir, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

const repeatScenario = () => bundledScenarios().find((candidate) => candidate.id === 'repeat-caller-streetlight')!;

test('培训模式: a simulated citizen rings through Kamailio, speaks when the trainee pauses, and the order is scored', async ({
  openConsole,
}, testInfo) => {
  test.setTimeout(120_000);
  const scenario = bundledScenarios().find((candidate) => candidate.id === 'noise-night-construction')!;
  const trainee = await openConsole('1001', {
    training: true,
    setupThroughUi: true,
    centreCode: '320505',
    // A county PC's screen: the banner, the bar and the score card must all fit.
    viewport: { width: 1366, height: 768 },
  });
  const { page } = trainee;
  await expect(page.getByTestId('training-banner')).toContainText('培训模式');

  const citizen = await callAsCitizen(scenario, { target: '1001' });
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await citizen.waitFor('answered');
  await expect(page.getByRole('button', { name: '挂断' })).toBeInViewport();

  // The trainee's microphone (Chromium's fake device) beeps: the greeting goes on, the citizen waits…
  await page.waitForTimeout(1_500);
  expect(citizen.events.some((event) => event.type === 'turnStarted')).toBe(false);
  // …until the trainee stops talking.
  await page.getByRole('button', { name: '静音' }).click();
  const pausedAt = citizen.now();
  const opening = await citizen.waitFor('turnStarted', 5_000);
  // The pause runs from the microphone's last beep, up to half a second before the click.
  expect(opening.atMs - pausedAt).toBeGreaterThan(DEFAULT_TURN_TAKING.pauseMs - 500);
  expect(opening.atMs - pausedAt).toBeLessThan(DEFAULT_TURN_TAKING.pauseMs + 1_000);

  // What reaches the trainee is speech: loud, spread over the voice band, not one tone.
  const heard = await receivedAudio(page, 2);
  expect(heard.peakDbfs).toBeGreaterThan(-35);
  expect(heard.peakShare).toBeLessThan(0.6);
  expect(heard.voiceBandShare).toBeGreaterThan(0.6);

  // Silence is no reply: the citizen does not go on while the trainee says nothing.
  await citizen.waitFor('turnEnded', 20_000);
  await page.waitForTimeout(2_500);
  expect(citizen.events.filter((event) => event.type === 'turnStarted')).toHaveLength(1);
  // The trainee answers (unmuted, the microphone beeps) and pauses: the next turn follows the pause.
  await page.getByRole('button', { name: '取消静音' }).click();
  await page.waitForTimeout(1_500);
  await page.getByRole('button', { name: '静音' }).click();
  const repliedAt = citizen.now();
  const second = await citizen.waitFor('turnStarted', 5_000, (event) => event.turn === 1);
  expect(second.atMs - repliedAt).toBeGreaterThan(DEFAULT_TURN_TAKING.pauseMs - 500);
  expect(second.atMs - repliedAt).toBeLessThan(DEFAULT_TURN_TAKING.pauseMs + 1_000);

  // Hold is a real re-INVITE: the citizen's phone is put on hold and back, and stays on the line.
  await page.getByRole('button', { name: '保持' }).click();
  await citizen.waitFor('held');
  await page.getByRole('button', { name: '恢复' }).click();
  await citizen.waitFor('resumed');

  // The trainee ends the call; the citizen's phone sees the hang-up.
  await page.getByRole('button', { name: '挂断' }).click();
  expect(await citizen.ended).toMatchObject({ by: 'agent' });

  // The order, by keyboard: a category from the wrong branch, and the duration left out of the content.
  const form = page.getByRole('form', { name: '受理登记表' });
  await form.getByLabel('受理渠道').focus();
  const k = page.keyboard;
  await k.press('Tab'); // 诉求类型
  for (let i = 0; i < 3; i += 1) await k.press('ArrowDown'); // 投诉
  await k.press('Tab'); // 紧急程度
  await k.press('Tab'); // 诉求分类
  await k.type('ylbx', { delay: 30 }); // 养老保险: deliberately wrong
  await expect(page.getByRole('option', { name: '社会保障 / 社会保险 / 养老保险' })).toBeVisible();
  await k.press('Enter');
  await k.press('Tab'); // 发生地点
  await k.type('狮山街道', { delay: 30 });
  await expect(page.getByRole('listbox', { name: '发生地点' }).getByRole('option').first()).toHaveText(
    '苏州市 / 虎丘区 / 狮山街道',
  );
  await k.press('Enter');
  await k.press('Tab');
  await k.type('狮山路与长江路路口工地');
  await k.press('Tab');
  await k.type('王女士');
  await k.press('Tab');
  await form.getByLabel('联系电话').fill('');
  await k.type('13962100101');
  await k.press('Tab'); // 匿名
  await k.press('Tab'); // 保密
  await k.press('Tab');
  await k.type('工地夜间施工噪音');
  await k.press('Tab');
  await k.type('狮山路和长江路路口的工地每天晚上十一点以后还在打桩，孩子睡不着，请派人处理。');
  await k.press('Tab'); // 办理方式: 派单
  await k.press('Tab'); // 主办部门
  for (let i = 0; i < 5; i += 1) await k.press('ArrowDown'); // 城市管理局
  await k.press('Control+Enter');

  const card = page.getByRole('dialog', { name: '培训评分' });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('score-category')).toContainText('错误');
  await expect(card.getByTestId('score-keyFacts')).toContainText('部分正确');
  await expect(card.getByTestId('score-fact').filter({ hasText: '缺少：持续' })).toBeVisible();
  await expect(card.getByTestId('score-place')).toContainText('正确');
  await expect(card.getByTestId('score-handling')).toContainText('正确');
  await expect(card).toContainText('接听用时');
  const box = (await card.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await page.screenshot({ path: testInfo.outputPath('score-card-1366.png') });
  await page.keyboard.press('Enter');
  await expect(card).toBeHidden();

  // The trainer's report counts the order under its business type, with the CSV to take away.
  await page.getByRole('button', { name: '培训报表' }).click();
  const report = page.getByRole('dialog', { name: '培训报表' });
  await expect(report.getByTestId('report-type')).toHaveText([/噪音扰民\s*1\s*1\s*\d+\.\d%\s*诉求分类/]);
  await expect(report.getByRole('link', { name: '导出 CSV' })).toHaveAttribute('href', /^data:text\/csv/);
  await page.screenshot({ path: testInfo.outputPath('training-report-1366.png') });
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();

  // A citizen who gives up while it rings (CANCEL): the ring goes, nothing is left behind.
  const impatient = await callAsCitizen(repeatScenario(), { target: '1001' });
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await impatient.hangUp();
  expect(await impatient.ended).toMatchObject({ by: 'refused', status: 487 });
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeHidden();

  // A second call in a row: the repeat caller, whose open order the training profile already knows.
  const repeatCitizen = await callAsCitizen(repeatScenario(), { target: '1001' });
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: '来电信息' });
  await expect(panel).toContainText('何先生');
  await expect(panel).toContainText('路灯故障');
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await repeatCitizen.waitFor('answered');
  // Its own draft, with its own number: nothing of the first exercise is carried over.
  await expect(form.getByLabel('联系电话')).toHaveValue(/139\s?6210\s?0117/);
  await expect(form.getByLabel('标题')).toHaveValue('');
  await page.getByRole('button', { name: '挂断' }).click();
  expect(await repeatCitizen.ended).toMatchObject({ by: 'agent' });

  // Nothing of the exercise is queued for the platform; each call is a training call naming its scenario.
  const dir = trainee.profileDir;
  expect(countRows(dir, "SELECT count(*) FROM work_orders WHERE created_by = 'A1001'")).toBe(1);
  expect(countRows(dir, 'SELECT count(*) FROM outbox')).toBe(0);
  const scenarioCalls = (id: string) =>
    countRows(dir, `SELECT count(*) FROM calls WHERE purpose = 'training' AND training_scenario_id = '${id}'`);
  expect(scenarioCalls('noise-night-construction')).toBe(1);
  // The abandoned ring is on record too, as a missed training call.
  expect(scenarioCalls('repeat-caller-streetlight')).toBe(2);
  expect(countRows(dir, 'SELECT count(*) FROM training_results')).toBe(1);
});
