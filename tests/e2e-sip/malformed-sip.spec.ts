import { LAB_HOST } from '../pbx-lab/lab';
import { type WsTap, startWsTap } from '../pbx-lab/ws-tap';
import { expect, test } from './lab-fixtures';

let tap: WsTap;
test.beforeEach(async () => {
  tap = await startWsTap();
});
test.afterEach(async () => {
  await tap.close();
});

const BROKEN_FRAMES = [
  'garbage that is not SIP at all \u0000\u0001\u0002',
  Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37]),
  // A request whose headers do not parse.
  `INVITE sip:1001@${LAB_HOST} SIP/2.0\r\nVia: this is not a via\r\nFrom: <<<\r\nTo: sip:1001@${LAB_HOST}\r\nCSeq: x INVITE\r\n\r\n`,
  // A truncated body: Content-Length promises more than arrives.
  `INVITE sip:1001@${LAB_HOST} SIP/2.0\r\nVia: SIP/2.0/WS 127.0.0.1:8088;branch=z9hG4bKbroken1\r\nFrom: <sip:666@${LAB_HOST}>;tag=a\r\nTo: <sip:1001@${LAB_HOST}>\r\nCall-ID: broken-1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: 900\r\n\r\nv=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n`,
  // A response to nothing we sent.
  'SIP/2.0 200 OK\r\nVia: SIP/2.0/WS nowhere.invalid;branch=z9hG4bKnothing\r\nCSeq: 7 BYE\r\nContent-Length: 0\r\n\r\n',
  'SIP/2.0 999',
];

test('malformed SIP and garbage on the WebSocket are dropped; the page stays up and registered, and calls still ring', async ({
  openConsole,
  baresip,
}) => {
  const agent = await openConsole('1001', { servers: [tap.url] });
  const { page } = agent;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  tap.inject(BROKEN_FRAMES);
  await page.waitForTimeout(1_000);
  expect(pageErrors).toEqual([]);
  await expect(page.getByTestId('registration-state')).toHaveText('已注册');
  // Counted for the admin, without the content (it may carry callers' numbers).
  await expect(page.getByTestId('registration-state')).toHaveAttribute('title', /已丢弃 \d+ 条无法解析的信令/);
  expect(tap.connections()).toBe(1);

  const caller = await baresip('2001');
  await caller.command(`dial sip:1001@${LAB_HOST}`);
  await expect(page.getByRole('status').filter({ hasText: '来电振铃' })).toBeVisible();
  await page.getByRole('button', { name: '接听', exact: true }).click();
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  // Garbage in the middle of a call does not end it either.
  tap.inject(BROKEN_FRAMES);
  await page.waitForTimeout(500);
  await expect(page.getByTestId('main-call').getByRole('status')).toHaveText('通话中');
  expect(pageErrors).toEqual([]);
});
