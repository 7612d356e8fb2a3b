import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const intakeForm = (page: Page) => page.getByRole('form', { name: '受理登记表' });

/**
 * A 施工噪音 complaint in 虎丘区, dispatched to 城市管理局, typed as a call-taker types it: field by
 * field with the keyboard, the pickers by pinyin initials, then Ctrl+Enter.
 */
export const typeNoiseOrder = async (
  page: Page,
  order: { address: string; name: string; title: string; content: string },
): Promise<void> => {
  const form = intakeForm(page);
  const k = page.keyboard;
  await form.getByLabel('诉求类型').focus();
  for (let i = 0; i < 3; i += 1) await k.press('ArrowDown'); // 投诉
  await k.press('Tab');
  await k.press('Tab');
  await k.type('sgzy', { delay: 60 });
  await expect(page.getByRole('option', { name: '城市管理 / 噪音扰民 / 施工噪音' })).toBeVisible();
  await k.press('Enter');
  await k.press('Tab');
  await k.type('hqq', { delay: 60 });
  await expect(page.getByRole('listbox', { name: '发生地点' }).getByRole('option').first()).toHaveText('苏州市 / 虎丘区');
  await k.press('Enter');
  await k.press('Tab');
  await k.type(order.address, { delay: 40 });
  await form.getByLabel('来电人', { exact: true }).fill(order.name);
  await form.getByLabel('标题', { exact: true }).pressSequentially(order.title, { delay: 40 });
  await form.getByLabel('诉求内容').pressSequentially(order.content, { delay: 0 });
  await form.getByLabel('主办部门').focus();
  for (let i = 0; i < 5; i += 1) await k.press('ArrowDown'); // 城市管理局
  await expect(form.getByText('还需补充')).toHaveCount(0);
  await k.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: /工单 \d+.*已提交/ })).toBeVisible();
};
