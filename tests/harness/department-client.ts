/**
 * A department on the reference platform, over its HTTP routes (tests/platform/department-routes.ts):
 * what the e2e tests use to move orders through their life, as a department's own system would.
 */
export interface DepartmentClient {
  orders(): Promise<{ id: string; number: string; title: string; status: string }[]>;
  order(id: string): Promise<{ order: Record<string, unknown>; steps: Record<string, unknown>[] }>;
  step(id: string, step: Record<string, unknown>): Promise<void>;
}

const call = async (url: string, init: RequestInit): Promise<unknown> => {
  const response = await fetch(url, init);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(body)}`);
  return body;
};

export const signInDepartment = async (platformUrl: string, accountId: string, password: string): Promise<DepartmentClient> => {
  const { token } = (await call(`${platformUrl}/v1/departments/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId, password }),
  })) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    orders: async () =>
      (await call(`${platformUrl}/v1/departments/orders`, { headers })) as Awaited<ReturnType<DepartmentClient['orders']>>,
    order: async (id) =>
      (await call(`${platformUrl}/v1/departments/orders/${id}`, { headers })) as Awaited<ReturnType<DepartmentClient['order']>>,
    step: async (id, step) => {
      await call(`${platformUrl}/v1/departments/orders/${id}/steps`, { method: 'POST', headers, body: JSON.stringify(step) });
    },
  };
};
