import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../main/db/migrate';
import { migrations } from '../../../../main/db/migrations';
import { migration0007 } from '../../../../main/db/migrations/0007-agent-reachability';

describe('migration 0007: whether the phone was registered at each agent state change', () => {
  it('keeps the rows of older versions as registered and refuses anything but 0 or 1', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(
      db,
      migrations.filter((migration) => migration.version < 7),
    );
    db.prepare(
      "INSERT INTO agent_states (id, agent_id, state, reason, at) VALUES ('a', 'A0001', 'ready', NULL, '2026-12-01T08:00:00Z')",
    ).run();
    migrate(db, [...migrations.filter((migration) => migration.version < 7), migration0007]);
    expect(db.prepare('SELECT phone_registered FROM agent_states').pluck().get()).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO agent_states (id, agent_id, state, reason, phone_registered, at) VALUES ('b', 'A0001', 'ready', NULL, 2, '2026-12-01T08:00:01Z')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
