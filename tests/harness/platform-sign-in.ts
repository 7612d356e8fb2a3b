import { randomUUID } from 'node:crypto';

/** Signs an account in to the reference platform over HTTP, as a console does, from a new console id. */
export const platformSignIn = async (
  url: string,
  agentId: string,
  password = 'demo1234',
): Promise<{ token: string; role: string; team: string | null }> => {
  const response = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId, password, centreCode: '320505', consoleId: randomUUID() }),
  });
  if (!response.ok) throw new Error(`sign-in ${agentId}: ${response.status}`);
  return (await response.json()) as { token: string; role: string; team: string | null };
};
