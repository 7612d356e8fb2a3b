import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * County PCs running UOS or Kylin are often shared by several accounts: the profile holds
 * citizens' numbers and complaints, so only its owner may read it. New files (the database, its
 * WAL and shared memory, logs) inherit the process umask; files left by an older version are
 * tightened once at start. Windows keeps its per-user AppData ACLs.
 */
export const makeProfilePrivate = (profileDir: string, platform: NodeJS.Platform = process.platform): void => {
  if (platform === 'win32') {
    mkdirSync(profileDir, { recursive: true });
    return;
  }
  process.umask(0o077);
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  const tighten = (dir: string): void => {
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) tighten(path);
      else if (entry.isFile()) chmodSync(path, 0o600);
    }
  };
  tighten(profileDir);
};
