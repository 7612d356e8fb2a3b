import type { Migration } from './migration';

/**
 * Issue #15 on the console: 求助 (the agent's raised hands and the lead's answers, kept here as well
 * as queued, so 班长已收到 survives a restart and a hand raised offline is never lost), the indexes
 * behind the agent's own figures, and each call's reported quality for the lead's grid.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'help-and-figures',
  up: (db) => {
    db.exec(`
      CREATE TABLE help_requests (
        id               TEXT PRIMARY KEY,
        agent_id         TEXT NOT NULL,
        note             TEXT,
        status           TEXT NOT NULL CHECK (status IN ('raised', 'acknowledged', 'resolved')),
        raised_at        TEXT NOT NULL,
        acknowledged_at  TEXT,
        resolved_at      TEXT,
        answered_by      TEXT,
        call_id          TEXT,
        call_since       TEXT,
        call_in_progress INTEGER NOT NULL,
        caller_masked    TEXT
      ) STRICT;
      CREATE INDEX help_requests_by_time ON help_requests (raised_at);
      -- The agent's own figures (接听量, 在线解答率, 按时办结率) read from these, never by a scan.
      CREATE INDEX work_orders_by_author ON work_orders (created_by, created_at);
      CREATE INDEX work_order_events_resolved ON work_order_events (at) WHERE kind = 'resolved';
      -- A call's quality for the lead's grid (poor MOS flagged while the call lasts).
      ALTER TABLE calls ADD COLUMN mos REAL;
    `);
  },
};
