import { defaultPhonePreferences } from '../../preload/contract/phone-contract';
import { LAB_HOST } from '../pbx-lab/lab';
import { expect, test } from './lab-fixtures';

test('with DTMF set to SIP INFO, digits reach the far end as INFO requests', async ({ openConsole, baresip }) => {
  const agent = await openConsole('1001', { preferences: { ...defaultPhonePreferences, dtmfMode: 'info' } });
  const caller = await baresip('2001');
  const { page } = agent;
  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  await page.getByRole('button', { name: '拨号盘' }).click();
  const keypad = page.getByRole('group', { name: '拨号盘' });
  for (const digit of ['5', '*']) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await caller.waitFor(/received DTMF: '5'[\s\S]*received DTMF: '\*'/);
});
