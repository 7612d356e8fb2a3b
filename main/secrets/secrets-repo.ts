import type { Database } from 'better-sqlite3-multiple-ciphers';

export const secretsRepo = {
  read: (db: Database, name: string): Uint8Array | null => {
    const row = db.prepare('SELECT ciphertext FROM secrets WHERE name = ?').get(name) as { ciphertext: Uint8Array } | undefined;
    return row ? row.ciphertext : null;
  },
  write: (db: Database, name: string, ciphertext: Uint8Array): void => {
    db.prepare(
      `INSERT INTO secrets (name, ciphertext, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
    ).run(name, Buffer.from(ciphertext), new Date().toISOString());
  },
  remove: (db: Database, name: string): void => {
    db.prepare('DELETE FROM secrets WHERE name = ?').run(name);
  },
  names: (db: Database): string[] =>
    (db.prepare('SELECT name FROM secrets ORDER BY name').all() as { name: string }[]).map((row) => row.name),
};
