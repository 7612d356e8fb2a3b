import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/audit-repo';
import { refreshFieldMode } from '../fields/field-functions';

/** Key/value rows; the service owns the shape and validates what comes back out. */
export const settingsRepo = {
  readAll: (db: Database): Record<string, unknown> => {
    const rows = db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
    const out: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        out[row.key] = JSON.parse(row.value_json);
      } catch {
        // A damaged row must not stop the console from starting; the service falls back to the default.
      }
    }
    return out;
  },
  writeAll: (db: Database, values: Record<string, unknown>): void => {
    const upsert = db.prepare(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    );
    const now = new Date().toISOString();
    db.transaction(() => {
      for (const [key, value] of Object.entries(values)) upsert.run(key, JSON.stringify(value), now);
    })();
    // The field-encryption setting takes effect for this connection's next write.
    refreshFieldMode(db);
  },

  /** The agent's save: the values, and an audit entry naming the settings that changed (never their values). */
  saveAudited: (db: Database, values: Record<string, unknown>, by: { actor: string; at: string }): string[] =>
    db.transaction(() => {
      const before = settingsRepo.readAll(db);
      const changed = Object.keys(values)
        .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(values[key]))
        .sort();
      settingsRepo.writeAll(db, values);
      if (changed.length > 0)
        appendAudit(db, {
          actor: by.actor,
          action: 'settings_changed',
          screen: 'settings',
          detail: changed.join(',').slice(0, 200),
          at: by.at,
        });
      return changed;
    })(),
};
