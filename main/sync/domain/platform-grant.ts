/** What signing in to a platform leaves in the secret store: who issued the token, and where. */
export interface PlatformGrant {
  readonly origin: string;
  readonly platformId: string;
  readonly token: string;
  /** What the platform said this account is: the console shows the team-lead view to leads and admins. */
  readonly role: 'agent' | 'lead' | 'admin';
  readonly team: string | null;
}

export const formatGrant = (grant: PlatformGrant): string => JSON.stringify(grant);

/** null for anything else, including the `origin\ntoken` of earlier versions: those sign in once more. */
export const parseGrant = (stored: string): PlatformGrant | null => {
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return null;
    const { origin, platformId, token, role, team } = value as Record<string, unknown>;
    return typeof origin === 'string' && typeof platformId === 'string' && typeof token === 'string' && token !== ''
      ? {
          origin,
          platformId,
          token,
          // A grant stored before roles existed is an agent's until the next sign-in says otherwise.
          role: role === 'lead' || role === 'admin' ? role : 'agent',
          team: typeof team === 'string' ? team : null,
        }
      : null;
  } catch {
    return null;
  }
};
