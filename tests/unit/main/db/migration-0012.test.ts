import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditLog } from '../../../../main/audit/audit-repo';
import { migrate } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations';

describe('migration 0012 (the audit chain)', () => {
  it('chains the entries an older console wrote, in their order, and keeps the log append-only', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 11),
    );
    const insert = db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, screen, detail) VALUES (?, '2026-11-01T00:00:00Z', 'A1', 'reveal_number', 'screenPop', ?)",
    );
    insert.run('old-1', 'first');
    insert.run('old-2', 'second');
    migrate(db, migrations);
    expect(verifyAuditLog(db)).toEqual({ entries: 2, problems: [] });
    appendAudit(db, { actor: 'A1', action: 'view_caller', screen: 'screenPop', at: '2026-12-02T00:00:00Z' });
    expect(verifyAuditLog(db)).toEqual({ entries: 3, problems: [] });
    expect(() => db.prepare("UPDATE audit_log SET detail = 'x' WHERE id = 'old-1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_log WHERE id = 'old-1'").run()).toThrow(/append-only/);
  });
});
