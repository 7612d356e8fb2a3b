import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { type ShellProcess, startShellProcess } from '../harness/shell-process';
import { trainingRing } from './training-ring';

/**
 * A Jabra Evolve Link MS, replayed: its real report descriptor, and the reports it sends for each
 * button (report 2: bit 0 hook switch, bit 2 mute; lights out: bit 0 off-hook, 1 mute, 2 ring,
 * 4 microphone, 5 ringer), as `native/devices/replay-backend.ts` delivers them to the console.
 */
const DESCRIPTOR = fileURLToPath(new URL('../fixtures/hid/0b0e-0307.hex.txt', import.meta.url));
const HOOK_OFF = '02 01 00';
const HOOK_OFF_MUTE_DOWN = '02 05 00';
const HOOK_ON = '02 00 00';
const LIGHTS = { off: '02 00 00', ringing: '02 24 00', offHook: '02 01 00', muted: '02 13 00' };

let dir: string;
let profile: string;
let shell: ShellProcess;
let sent = 0;

const plugIn = () =>
  writeFileSync(
    join(dir, 'device.json'),
    JSON.stringify({
      vendorId: 0x0b0e,
      productId: 0x0307,
      manufacturer: 'GN Netcom',
      product: 'Jabra EVOLVE LINK MS',
      descriptor: DESCRIPTOR,
    }),
  );
const unplug = () => rmSync(join(dir, 'device.json'));
/** Reports the headset sends, in order; all at once is as fast as a button can be pressed. */
const press = (...reports: string[]) => {
  for (const report of reports) {
    // Written beside the folder and renamed in, as a recorder should: the backend never sees half a file.
    const name = `${String((sent += 1)).padStart(4, '0')}.hex`;
    writeFileSync(join(dir, name), report);
    renameSync(join(dir, name), join(dir, 'in', name));
  }
};
const lightsOut = () => (existsSync(join(dir, 'out.log')) ? readFileSync(join(dir, 'out.log'), 'utf8').trim().split('\n') : []);
const lastLights = () => lightsOut().at(-1);

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-headset-'));
  mkdirSync(join(dir, 'in'));
  profile = mkdtempSync(join(tmpdir(), 'minsheng-e2e-'));
  plugIn();
  shell = await startShellProcess(profile, { MINSHENG_HEADSET_REPLAY: dir });
});

test.afterEach(async () => {
  await shell.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
  rmSync(`${profile}.db-key`, { force: true });
});

test('the headset answers, mutes and hangs up; its lights follow the call; unplugged mid-call the call goes on, replugged the lights come back', async ({
  page,
}) => {
  await page.goto(shell.url);
  const headset = page.getByTestId('status-headset');
  await expect(headset).toHaveText('耳机：GN Netcom Jabra EVOLVE LINK MS', { timeout: 8_000 });
  const call = page.getByTestId('main-call').getByRole('status');
  const mute = page.getByRole('button', { name: /静音/ });

  await trainingRing(page, '13812345678');
  await expect.poll(lastLights).toBe(LIGHTS.ringing);
  press(HOOK_OFF);
  await expect(call).toHaveText('通话中');
  await expect.poll(lastLights).toBe(LIGHTS.offHook);
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `test-results/e2e/headset-${viewport.width}.png` });
    // The model name never pushes the status bar wider than the window.
    const bar = page.getByRole('contentinfo', { name: '状态栏' });
    expect(await bar.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await expect(headset).toBeInViewport();
  }

  // A mute press is answered with the Mute LED, and the console mutes.
  press(HOOK_OFF_MUTE_DOWN, HOOK_OFF);
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(lastLights).toBe(LIGHTS.muted);
  // Two presses faster than a person makes them: unmuted again, and the LED says so.
  press(HOOK_OFF_MUTE_DOWN, HOOK_OFF, HOOK_OFF_MUTE_DOWN, HOOK_OFF);
  await expect.poll(lastLights).toBe(LIGHTS.muted);
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await mute.click();
  await expect.poll(lastLights).toBe(LIGHTS.offHook);

  unplug();
  await expect(headset).toHaveText('耳机：未接入（耳机已拔出）');
  await expect(call).toHaveText('通话中');
  await page.waitForTimeout(1_000);
  await expect(call).toHaveText('通话中');

  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  plugIn();
  await expect(headset).toHaveText('耳机：GN Netcom Jabra EVOLVE LINK MS', { timeout: 8_000 });
  await expect.poll(lastLights).toBe(LIGHTS.muted);
  await expect(call).toHaveText('通话中');

  press(HOOK_ON);
  await expect(call).toHaveCount(0, { timeout: 6_000 });
  await expect.poll(lastLights).toBe(LIGHTS.off);

  // A second call in a row: answered from the headset, ended on screen; the lights follow both.
  await trainingRing(page, '13912345678');
  await expect.poll(lastLights).toBe(LIGHTS.ringing);
  press(HOOK_OFF);
  await expect(call).toHaveText('通话中');
  await page.getByRole('button', { name: '挂断' }).click();
  await expect.poll(lastLights).toBe(LIGHTS.off);
  // The headset's echo of the host going on hook ends nothing and answers nothing.
  press(HOOK_ON);
  await expect(call).toHaveCount(0, { timeout: 6_000 });
});

test('a headset that sends garbage, or a gaming headset, is never taken for a telephony headset and breaks nothing', async ({
  page,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('status-headset')).toHaveText('耳机：GN Netcom Jabra EVOLVE LINK MS', { timeout: 8_000 });
  press('zz not hex', '02', 'ff ff ff ff ff ff ff ff ff ff', '07 01');
  await trainingRing(page, '13812345678');
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('来电振铃');
  press(HOOK_OFF);
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  press(HOOK_ON);
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveCount(0, { timeout: 6_000 });

  unplug();
  await expect(page.getByTestId('status-headset')).toHaveText('耳机：未接入（耳机已拔出）');
  writeFileSync(
    join(dir, 'device.json'),
    JSON.stringify({
      vendorId: 0x046d,
      productId: 0x0ac4,
      manufacturer: 'Logitech',
      product: 'G535',
      descriptor: fileURLToPath(new URL('../fixtures/hid/046d-0ac4.hex.txt', import.meta.url)),
    }),
  );
  await page.waitForTimeout(3_500);
  await expect(page.getByTestId('status-headset')).toHaveText('耳机：未接入（耳机已拔出）');
});

test('locked, the headset still answers and hangs up; the screen shows only that a call is up until the PIN is typed', async ({
  page,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('status-headset')).toHaveText('耳机：GN Netcom Jabra EVOLVE LINK MS', { timeout: 8_000 });
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('锁屏密码').fill('8642');
  await settings.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');

  await trainingRing(page, '13812345678');
  await expect.poll(lastLights).toBe(LIGHTS.ringing);
  await page.getByRole('button', { name: '锁屏', exact: true }).click();
  const locked = page.getByRole('main', { name: '控制台已锁定' });
  await expect(locked.getByRole('status')).toContainText('有来电正在振铃');
  // The ring light stays on behind the lock.
  expect(lastLights()).toBe(LIGHTS.ringing);

  press(HOOK_OFF);
  await expect(locked.getByRole('status')).toHaveText('通话进行中：解锁后查看来电人信息');
  await expect.poll(lastLights).toBe(LIGHTS.offHook);
  expect(await page.content()).not.toContain('13812345678');
  press(HOOK_ON);
  await expect(locked.getByRole('status')).toHaveCount(0);
  await expect.poll(lastLights).toBe(LIGHTS.off);

  await locked.getByLabel('锁屏密码或平台登录密码').fill('8642');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: '受理登记表' })).toBeVisible();
});
