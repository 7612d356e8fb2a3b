import { type Page, expect } from '@playwright/test';

/** 设置 as an agent or IT fills it in on a new PC: the centre code and agent id typed, a choice picked, saved, closed. */
export const saveSettingsInDialog = async (
  page: Page,
  fields: { centreCode: string; agentId: string; fieldCipher?: string; platformUrl?: string },
): Promise<void> => {
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('中心代码').fill(fields.centreCode);
  await settings.getByLabel('坐席工号').fill(fields.agentId);
  if (fields.platformUrl) await settings.getByLabel('平台地址').fill(fields.platformUrl);
  if (fields.fieldCipher) await settings.getByLabel('敏感字段加密（密评）').selectOption({ label: fields.fieldCipher });
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toHaveText('设置已保存');
  await page.keyboard.press('Escape');
};

/** A console set up as its agent would on a new PC: 设置 typed, then signed in to the platform from the status bar. */
export const signedInConsole = async (
  page: Page,
  url: string,
  agent: { agentId: string; platformUrl: string; password: string },
): Promise<void> => {
  await page.goto(url);
  await saveSettingsInDialog(page, { centreCode: '320505', agentId: agent.agentId, platformUrl: agent.platformUrl });
  await signInToPlatform(page, agent.password);
};

/** The platform password typed in the sync panel (opened from the status bar), until 在线 shows. */
export const signInToPlatform = async (page: Page, password: string): Promise<void> => {
  const indicator = page.getByTestId('status-platform');
  await indicator.click();
  const panel = page.getByRole('dialog', { name: '平台同步' });
  await panel.getByLabel('平台登录密码').fill(password);
  await panel.getByRole('button', { name: '登录平台' }).click();
  await expect(indicator).toContainText('在线', { timeout: 20_000 });
  await page.keyboard.press('Escape');
};
