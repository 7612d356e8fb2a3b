/**
 * Carrier calls with the identity headers real networks send, through Kamailio (SIPp as the
 * trunk). For each: the bar and the caller panel show the same normalised number, the call record
 * holds the subscriber key, and the caller's BYE is answered with 200 (SIPp fails otherwise).
 */
import type { Page } from '@playwright/test';
import { sippAnsweredCall } from '../pbx-lab/sipp';
import { expect, test } from './lab-fixtures';

interface IdentityCase {
  readonly name: string;
  readonly identity: readonly string[];
  readonly compact?: boolean;
  readonly shown: string | RegExp;
  readonly key: string;
  readonly privacy?: boolean;
  readonly displayName?: string;
}

const TAG = 'tag=[pid]SIPpTag[call_number]';
const CASES: readonly IdentityCase[] = [
  {
    name: 'tel-pai-anonymous-from',
    identity: [`From: "Anonymous" <sip:anonymous@anonymous.invalid>;${TAG}`, 'P-Asserted-Identity: <tel:+8613812345678>'],
    shown: '138 1234 5678',
    key: '13812345678',
  },
  {
    name: 'privacy-id',
    identity: [`From: "王芳" <sip:13912345678@trunk.invalid>;${TAG}`, 'Privacy: id'],
    shown: /^139\*+5678$/,
    key: '13912345678',
    privacy: true,
  },
  {
    name: 'plus86-user-phone',
    identity: [`From: <sip:+8613812345678@trunk.invalid;user=phone>;${TAG}`],
    shown: '138 1234 5678',
    key: '13812345678',
  },
  { name: 'zero086', identity: [`From: <sip:008613812345678@trunk.invalid>;${TAG}`], shown: '138 1234 5678', key: '13812345678' },
  { name: 'landline-dash', identity: [`From: <sip:025-83001234@trunk.invalid>;${TAG}`], shown: /8300/, key: '02583001234' },
  {
    name: 'utf8-display-name',
    identity: [`From: "张三丰" <sip:13612345678@trunk.invalid>;${TAG}`],
    shown: '136 1234 5678',
    key: '13612345678',
    displayName: '张三丰',
  },
  {
    name: 'compact-headers',
    identity: [`f: "市民" <sip:13712345678@trunk.invalid>;${TAG}`],
    compact: true,
    shown: '137 1234 5678',
    key: '13712345678',
  },
];

const barNumber = (page: Page) => page.getByTestId('main-call').getByTestId('call-remote');

test('identity headers as carriers send them: bar, caller panel and call record agree, and the caller BYE gets 200', async ({
  openConsole,
  lab,
}) => {
  test.setTimeout(120_000);
  const agent = await openConsole('1001');
  const { page } = agent;
  for (const [index, identityCase] of CASES.entries()) {
    const call = sippAnsweredCall({ runDir: lab.runDir, extension: '1001', ...identityCase });
    await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
    const panelNumber = page.getByTestId('caller-number');
    await expect(panelNumber).toHaveText(identityCase.shown);
    await expect(barNumber(page)).toHaveText((await panelNumber.textContent()) ?? '');
    if (identityCase.privacy) {
      await expect(page.getByTestId('privacy-requested')).toHaveText('来电人要求隐藏号码');
      await expect(page.getByText('王芳')).toHaveCount(0);
    }
    if (identityCase.displayName) await expect(page.getByText(identityCase.displayName)).toBeVisible();
    await page.getByRole('button', { name: '接听', exact: true }).click();
    const { code, output } = await call;
    expect(code, `${identityCase.name}: SIPp must get 200 to its BYE\n${output.slice(-1500)}`).toBe(0);
    await expect.poll(() => agent.calls().length).toBe(index + 1);
    await expect.poll(() => agent.calls().at(-1)?.end_cause).toBe('caller_hangup');
    const record = agent.calls().at(-1)!;
    expect(record.remote_number).toBe(identityCase.key);
    expect(record.privacy_requested).toBe(identityCase.privacy ? 1 : 0);
    // Back to 空闲 for the next caller (wrap-up would refuse it).
    await page.getByRole('button', { name: '示闲' }).click();
    await expect(page.getByTestId('agent-state')).toContainText('空闲');
  }
});
