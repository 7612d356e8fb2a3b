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

/** One agent_state item pushed as a console pushes it (payload id = record id), answered by the platform. */
export const pushAgentState = (
  url: string,
  token: string,
  change: { agentId: string; state: string; reason?: string | null; extension: string; phoneRegistered?: boolean },
): Promise<Response> => {
  const id = randomUUID();
  const at = new Date().toISOString();
  return fetch(`${url}/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      items: [
        {
          itemId: randomUUID(),
          stream: 'agent_state',
          recordId: id,
          op: 'create',
          payload: {
            id,
            agentId: change.agentId,
            state: change.state,
            reason: change.reason ?? null,
            phoneRegistered: change.phoneRegistered ?? true,
            at,
            extension: change.extension,
          },
          createdAt: at,
        },
      ],
    }),
  });
};
