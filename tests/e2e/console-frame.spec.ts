import { expect, test } from './fixtures';

test('the console opens on the default profile with the Chinese frame and honest empty states', async ({
  page,
  shell,
}, testInfo) => {
  await page.goto(shell.current().url);

  const bar = page.getByRole('banner', { name: '软电话' });
  await expect(bar.getByTestId('registration-state')).toHaveText('未配置话务服务器');
  await expect(bar.getByRole('button', { name: '接听' })).toBeDisabled();
  await expect(page.getByRole('complementary', { name: '来电信息' })).toContainText('暂无来电');
  await expect(page.getByRole('main', { name: '受理登记' })).toContainText('开始接听前还需完成以下配置');
  await expect(page.getByRole('complementary', { name: '热线百科' })).toContainText('热线百科尚未导入');
  const status = page.getByRole('contentinfo', { name: '状态栏' });
  await expect(status.getByTestId('status-pbx')).toHaveText('话务：未配置话务服务器');
  await expect(status.getByTestId('status-platform')).toHaveText('平台：未配置');
  await expect(status).toContainText('浏览器模式');

  // The token leaves the address bar once it is in sessionStorage.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: testInfo.outputPath('console-frame.png') });
});

test('opening the shell without its token says what to do instead of showing a broken console', async ({ page, shell }) => {
  await page.goto(`${shell.current().origin}/`);
  await expect(page.getByRole('alert')).toContainText('缺少浏览器模式的访问令牌');
});
