import type { Settings } from '../../preload/contract';

/** Origins (scheme://host:port) of the configured PBX servers and platform, for connect-src. */
export const configuredOrigins = (settings: Pick<Settings, 'pbxServers' | 'platformUrl'>): string[] => {
  const origins = new Set<string>();
  for (const url of [...settings.pbxServers, settings.platformUrl]) {
    if (!url) continue;
    try {
      const parsed = new URL(url);
      origins.add(`${parsed.protocol}//${parsed.host}`);
    } catch {
      // Settings are validated on save; an unparsable value simply grants nothing.
    }
  }
  return [...origins].sort();
};

/**
 * No unsafe-eval, no inline script, nothing remote but the PBX and the platform: an encyclopedia
 * entry or a SIP display name with markup in it must never become code on a government PC.
 */
export const buildCsp = (options: { readonly extraConnect: readonly string[] }): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob: data:",
    `connect-src 'self' ${options.extraConnect.join(' ')}`.trim(),
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
