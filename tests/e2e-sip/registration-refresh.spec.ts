/**
 * The registrar refuses a refresh (not the first REGISTER): the console must stop saying 已注册
 * within a second, tell the platform the agent is unreachable, register again (after Retry-After
 * when given) and take calls again. The tap grants 4-s bindings so the refresh comes at ~3.2 s.
 */
import { LAB_HOST } from '../pbx-lab/lab';
import { watchRegistrationBadge } from '../pbx-lab/lab-console';
import { type RegisterRefusal, type WsTap, startWsTap } from '../pbx-lab/ws-tap';
import { type LabFixtures, expect, test } from './lab-fixtures';
import { openProfileDb } from '../harness/profile-database';

let tap: WsTap;
test.beforeEach(async () => {
  tap = await startWsTap({ registerExpiresS: 4 });
});
test.afterEach(async () => {
  await tap.close();
});

const reachability = (profileDir: string): number[] => {
  const db = openProfileDb(profileDir, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT phone_registered FROM agent_states ORDER BY at').pluck().all() as number[];
  } finally {
    db.close();
  }
};

const refusedRefresh = async (
  { openConsole, baresip }: LabFixtures,
  refusal: RegisterRefusal,
): Promise<{ leftRegisteredMs: number; registeredAgainMs: number }> => {
  const agent = await openConsole('1001', { servers: [tap.url] });
  const { page } = agent;
  const badge = page.getByTestId('registration-state');
  await expect(badge).toHaveText('已注册');
  const seen = await watchRegistrationBadge(page);
  const forwardedBefore = tap.registersForwarded();
  tap.refuseRegisters([refusal]);

  await expect.poll(() => tap.lastRefusalAt(), { timeout: 8_000 }).not.toBeNull();
  const refusedAt = tap.lastRefusalAt()!;
  await expect.poll(async () => (await seen()).find(([, text]) => text !== '已注册'), { timeout: 2_000 }).toBeDefined();
  const [leftAt, failureText] = (await seen()).find(([, text]) => text !== '已注册')!;
  expect(failureText).toBe(`注册失败（服务器答复 ${refusal.status}），正在重试`);
  const leftRegisteredMs = leftAt - refusedAt;
  // The platform hears that this 示闲 agent cannot take calls.
  await expect.poll(() => reachability(agent.profileDir).includes(0)).toBe(true);

  await expect
    .poll(async () => (await seen()).find(([at, text]) => at > leftAt && text === '已注册'), { timeout: 15_000 })
    .toBeDefined();
  const registeredAgainMs = (await seen()).find(([at, text]) => at > leftAt && text === '已注册')![0] - refusedAt;
  expect(tap.registersForwarded()).toBeGreaterThan(forwardedBefore);
  await expect.poll(() => reachability(agent.profileDir).at(-1)).toBe(1);

  const caller = await baresip('2001');
  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await page.getByRole('button', { name: '拒接', exact: true }).click();
  return { leftRegisteredMs, registeredAgainMs };
};

test('a refresh answered 503 leaves 已注册 within 1 s; the console registers again and a call rings', async ({
  openConsole,
  baresip,
}) => {
  const { leftRegisteredMs, registeredAgainMs } = await refusedRefresh(
    { openConsole, baresip },
    { status: 503, reason: 'Service Unavailable' },
  );
  console.log(`503: left 已注册 after ${leftRegisteredMs} ms, registered again after ${registeredAgainMs} ms`);
  expect(leftRegisteredMs).toBeLessThan(1_000);
  expect(registeredAgainMs).toBeLessThan(5_000);
});

test('a refresh answered 500 with Retry-After: 5 waits the 5 s the registrar asked for, then registers again', async ({
  openConsole,
  baresip,
}) => {
  const { leftRegisteredMs, registeredAgainMs } = await refusedRefresh(
    { openConsole, baresip },
    { status: 500, reason: 'Server Internal Error', headers: ['Retry-After: 5'] },
  );
  console.log(`500 + Retry-After 5: left 已注册 after ${leftRegisteredMs} ms, registered again after ${registeredAgainMs} ms`);
  expect(leftRegisteredMs).toBeLessThan(1_000);
  expect(registeredAgainMs).toBeGreaterThanOrEqual(5_000);
  expect(registeredAgainMs).toBeLessThan(9_000);
});
