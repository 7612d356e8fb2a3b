import type { Page } from '@playwright/test';
import { expect } from './fixtures';

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
