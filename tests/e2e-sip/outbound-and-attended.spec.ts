import { expect, rtpBytes, test } from './lab-fixtures';

test('an outbound call (回访) reaches an auto-answering phone with audio both ways and is recorded', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001');
  const phone = await baresip('2002', { autoAnswer: true });
  const { page } = agent;

  await page.getByRole('button', { name: '外呼' }).click();
  await page.getByLabel('外呼号码').fill('2002');
  await page.getByRole('button', { name: '呼叫' }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await expect(page.getByTestId('agent-state')).toHaveText('通话中');

  const first = await rtpBytes(page);
  await page.waitForTimeout(1_500);
  const second = await rtpBytes(page);
  expect(second.received).toBeGreaterThan(first.received + 5_000);
  expect(second.sent).toBeGreaterThan(first.sent + 5_000);

  await page.getByRole('button', { name: '挂断' }).click();
  await expect.poll(() => phone.rtpPackets()[0]?.rx ?? 0).toBeGreaterThan(50);
  await expect.poll(() => agent.calls().at(-1)?.end_cause).toBe('agent_hangup');
  const record = agent.calls().at(-1)!;
  expect(record.direction).toBe('outbound');
  expect(record.remote_number).toBe('2002');
  expect(record.answer_at).not.toBeNull();
});

test('attended transfer: the agent consults a colleague, then hands the caller over', async ({ openConsole }) => {
  const citizen = await openConsole('1003');
  const agent = await openConsole('1001');
  const colleague = await openConsole('1002');

  await citizen.page.getByRole('button', { name: '外呼' }).click();
  await citizen.page.getByLabel('外呼号码').fill('1001');
  await citizen.page.getByRole('button', { name: '呼叫' }).click();
  await agent.page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(agent.page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');

  // Consult: the caller is held while the agent talks to the colleague.
  await agent.page.getByRole('button', { name: '转接', exact: true }).click();
  await agent.page.getByLabel('转接号码').fill('1002');
  await agent.page.getByRole('button', { name: '咨询' }).click();
  await expect(agent.page.getByTestId('main-call').getByRole('status')).toHaveText('已保持');
  await colleague.page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(agent.page.getByTestId('consult-call').getByRole('status')).toHaveText('咨询通话 · 通话中');

  await agent.page.getByRole('button', { name: '完成转接' }).click();

  // The citizen is now talking to the colleague; the agent is out of both calls.
  await expect(colleague.page.getByTestId('main-call').filter({ hasText: '1003' }).getByRole('status')).toHaveText('通话中');
  await expect(colleague.page.getByTestId('main-call')).toHaveCount(1);
  await expect(citizen.page.getByTestId('main-call').filter({ hasText: '1002' }).getByRole('status')).toHaveText('通话中');
  await expect(citizen.page.getByTestId('main-call')).toHaveCount(1);
  await expect(agent.page.getByTestId('agent-state')).toContainText('话后整理');
  // Audio flows on the new leg (the replaced leg's connection is closed by then and not counted).
  await colleague.page.waitForTimeout(500);
  const before = await rtpBytes(colleague.page);
  await colleague.page.waitForTimeout(1_500);
  const after = await rtpBytes(colleague.page);
  expect(after.received).toBeGreaterThan(before.received + 2_000);
  expect(after.sent).toBeGreaterThan(before.sent + 2_000);

  await expect.poll(() => agent.calls().map((call) => call.end_cause)).toEqual(['transferred', 'transferred']);
  expect(agent.calls()[0]!.transfer_target).toBe('1002');
});
