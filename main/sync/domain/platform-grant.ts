/** What signing in to a platform leaves in the secret store: who issued the token, and where. */
export interface PlatformGrant {
  readonly origin: string;
  readonly platformId: string;
  readonly token: string;
}

export const formatGrant = (grant: PlatformGrant): string => JSON.stringify(grant);

/** null for anything else, including the `origin\ntoken` of earlier versions: those sign in once more. */
export const parseGrant = (stored: string): PlatformGrant | null => {
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return null;
    const { origin, platformId, token } = value as Record<string, unknown>;
    return typeof origin === 'string' && typeof platformId === 'string' && typeof token === 'string' && token !== ''
      ? { origin, platformId, token }
      : null;
  } catch {
    return null;
  }
};
