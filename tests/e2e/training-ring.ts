import type { Page } from '@playwright/test';

/**
 * A ring through 更多 → 模拟来电, typed as a trainer would: the same renderer path a real INVITE
 * takes (the phone store's incoming call), so the caller panel and the draft see a real ring.
 */
export const trainingRing = async (page: Page, number: string, options: { name?: string; withheld?: boolean } = {}) => {
  await page.getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: '模拟来电' }).click();
  const dialog = page.getByRole('dialog', { name: '模拟来电（培训）' });
  await dialog.getByLabel('来电号码').fill(number);
  if (options.name) await dialog.getByLabel('来电人姓名（可选）').fill(options.name);
  if (options.withheld) await dialog.getByLabel('来电人要求隐藏号码').check();
  await dialog.getByRole('button', { name: '振铃' }).click();
};
