import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signInDepartment } from '../harness/department-client';
import { startTestPlatform } from '../harness/sync-fixtures';
import { useTempDirs } from '../harness/temp-dir';
import { demoOrder } from '../harness/demo-order';

const tempDir = useTempDirs();

const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the reference platform’s department routes (what the e2e tests drive orders with)', () => {
  it('keeps departments and consoles apart, checks every step, and finds only the centre’s own orders', async () => {
    const platform = await startTestPlatform(tempDir());
    const agent = (await (
      await post(`${platform.url}/v1/auth/sign-in`, {
        agentId: 'A0001',
        password: 'demo1234',
        centreCode: '320505',
        consoleId: randomUUID(),
      })
    ).json()) as { token: string };
    // A console's token opens no department route; a department account signs in to no console.
    const asAgent = await fetch(`${platform.url}/v1/departments/orders`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(asAgent.status).toBe(403);
    const departmentAsConsole = await post(`${platform.url}/v1/auth/sign-in`, {
      agentId: 'D0001',
      password: 'demo1234',
      centreCode: '320505',
      consoleId: randomUUID(),
    });
    expect(departmentAsConsole.status).toBe(401);
    expect((await post(`${platform.url}/v1/departments/sign-in`, { accountId: 'A0001', password: 'demo1234' })).status).toBe(401);
    expect((await post(`${platform.url}/v1/departments/sign-in`, '{"accountId": ')).status).toBe(400);

    const signedIn = (await (
      await post(`${platform.url}/v1/departments/sign-in`, { accountId: 'D0001', password: 'demo1234' })
    ).json()) as {
      token: string;
    };
    const pushAsDepartment = await post(`${platform.url}/v1/push`, { items: [] }, signedIn.token);
    expect(pushAsDepartment.status).toBe(403);

    // An order of this centre, pushed as a console would.
    const order = demoOrder();
    const pushed = await post(
      `${platform.url}/v1/push`,
      {
        items: [
          {
            itemId: randomUUID(),
            stream: 'work_order',
            recordId: order.id,
            op: 'create',
            payload: order,
            createdAt: order.createdAt,
          },
        ],
      },
      agent.token,
    );
    expect(((await pushed.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');

    const department = await signInDepartment(platform.url, 'D0001', 'demo1234');
    expect((await department.orders()).map((each) => each.id)).toEqual([order.id]);
    const step = (body: unknown) => post(`${platform.url}/v1/departments/orders/${order.id}/steps`, body, signedIn.token);
    expect((await step({ kind: 'accepted', actor: '张科长', outcome: 'satisfied' })).status).toBe(400);
    expect((await step({ kind: 'urged', actor: '张科长' })).status).toBe(400);
    expect((await step({ kind: 'postponed', actor: '张科长', dueAt: '下周' })).status).toBe(400);
    expect((await step({ kind: 'dispatched', status: 'nonsense', actor: '市热线办' })).status).toBe(400);
    expect(
      (
        await post(
          `${platform.url}/v1/departments/orders/${randomUUID()}/steps`,
          { kind: 'accepted', actor: 'x' },
          signedIn.token,
        )
      ).status,
    ).toBe(404);

    await department.step(order.id, { kind: 'dispatched', status: 'dispatched', actor: '市热线办', department: '住建局' });
    const { order: stored, steps } = await department.order(order.id);
    expect(stored).toMatchObject({ status: 'dispatched', leadDepartment: '住建局' });
    expect(steps).toMatchObject([{ kind: 'dispatched', department: '住建局', actor: '市热线办' }]);

    // Another centre's department does not see it, nor can it act on it.
    platform.store.addAgent('D0900', 'demo1234', '320506', 'department');
    const other = await signInDepartment(platform.url, 'D0900', 'demo1234');
    expect(await other.orders()).toEqual([]);
    await expect(other.step(order.id, { kind: 'accepted', actor: '李科长' })).rejects.toThrow(/404/);
    await platform.close();
  });
});
