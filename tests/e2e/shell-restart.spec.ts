import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startShellProcess } from '../harness/shell-process';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test('the same profile keeps the same URL, and a tab left open reconnects by itself when the shell is back', async ({ page }) => {
  const profileDir = mkdtempSync(join(tmpdir(), 'minsheng-restart-'));
  const port = String(await freePort());
  let shell = await startShellProcess(profileDir, { MINSHENG_PORT: port });
  const firstUrl = shell.url;
  await page.goto(firstUrl);
  const form = page.getByRole('form', { name: '受理登记表' });
  await form.getByLabel('标题').fill('小区停水求助');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  await shell.stop();
  await expect(page.getByRole('alert').filter({ hasText: '与本地服务的连接已断开' })).toBeVisible();
  shell = await startShellProcess(profileDir, { MINSHENG_PORT: port });
  const backAt = Date.now();
  expect(shell.url).toBe(firstUrl);
  await expect(page.getByRole('alert').filter({ hasText: '与本地服务的连接已断开' })).toHaveCount(0, { timeout: 8_000 });
  console.log(`shell restart: the open tab reconnected ${Date.now() - backAt} ms after the shell was back`);
  // The same tab, not reloaded, works again: what is typed now is saved.
  await form.getByLabel('诉求内容').fill('自早上七点停水，没有通知。');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await shell.stop();
  rmSync(profileDir, { recursive: true, force: true });
});
