import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * The browser shell's token, kept in the profile (readable by its owner only): the same profile
 * keeps the same URL across restarts, so a bookmarked or still-open tab reconnects by itself. A
 * missing or damaged file gets a new token.
 */
export const shellTokenFor = (profileDir: string): string => {
  const file = join(profileDir, 'shell-token');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN.test(stored)) return stored;
  } catch {
    // First start of this profile.
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
};
