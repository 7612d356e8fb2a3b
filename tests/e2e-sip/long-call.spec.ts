import { LAB_HOST } from '../pbx-lab/lab';
import { expect, rtpBytes, test } from './lab-fixtures';

// The classic WebRTC softphone fault: an ACK that never reaches the answering side ends the call
// when the 200 OK retransmissions give up, about 32 s in. Both directions are held past that here.
test('calls in both directions are still up with audio after 40 s; answered and ended with the keyboard', async ({
  openConsole,
  baresip,
}) => {
  test.setTimeout(90_000);
  const inboundAgent = await openConsole('1001');
  const outboundAgent = await openConsole('1002');
  const caller = await baresip('2001');
  const callee = await baresip('2002', { autoAnswer: true });

  await expect(inboundAgent.page.getByRole('button', { name: '接听', exact: true })).toHaveAttribute('title', '接听（F2）');
  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await expect(inboundAgent.page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await inboundAgent.page.keyboard.press('F2');
  await outboundAgent.page.getByRole('button', { name: '外呼' }).click();
  await outboundAgent.page.getByLabel('外呼号码').fill(callee.extension);
  await outboundAgent.page.getByRole('button', { name: '呼叫' }).click();
  for (const agent of [inboundAgent, outboundAgent]) {
    await expect(agent.page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  }

  await inboundAgent.page.waitForTimeout(40_000);
  for (const agent of [inboundAgent, outboundAgent]) {
    await expect(agent.page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
    await expect(agent.page.getByTestId('call-timer')).toHaveText(/00:4\d/);
    const before = await rtpBytes(agent.page);
    await agent.page.waitForTimeout(1_000);
    const after = await rtpBytes(agent.page);
    expect(after.received).toBeGreaterThan(before.received + 3_000);
    await agent.page.keyboard.press('F4');
    await expect(agent.page.getByTestId('agent-state')).toContainText('话后整理');
  }
  await expect.poll(() => inboundAgent.calls().at(-1)?.end_cause).toBe('agent_hangup');
  await expect.poll(() => outboundAgent.calls().at(-1)?.end_cause).toBe('agent_hangup');
});
