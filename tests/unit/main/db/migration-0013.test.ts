import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations';
import { demoOrder } from '../../../harness/demo-order';

describe('migration 0013 (retention)', () => {
  it('keeps every order of an older console whole, and retention finds the due ones by its index', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(
      db,
      migrations.filter((migration) => migration.version <= 12),
    );
    // As a console of that version wrote it: its own columns only.
    const order = demoOrder({ status: 'archived', contactName: '慕容晓' });
    db.prepare(
      `INSERT INTO work_orders (id, number, channel, contact_name, request_type, title, content, handling_mode, status, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      '0192f0e4-0000-7000-8000-000000000013',
      order.number,
      order.channel,
      order.contactName,
      order.requestType,
      order.title,
      order.content,
      order.handlingMode,
      order.status,
      order.createdAt,
      order.createdAt,
      order.createdBy,
    );
    migrate(db, migrations);
    expect(db.prepare('SELECT contact_name, purged_at FROM work_orders').get()).toEqual({
      contact_name: '慕容晓',
      purged_at: null,
    });
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM work_orders WHERE purged_at IS NULL AND status IN ('resolved', 'visited', 'archived') AND updated_at < ?",
      )
      .all('2030-01-01')
      .map((row) => (row as { detail: string }).detail)
      .join(' ');
    expect(plan).toContain('work_orders_to_purge');
  });
});
