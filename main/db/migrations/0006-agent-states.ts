import type { Migration } from './migration';

/** Agent state changes (签入/示闲/示忙/话后整理): the team lead's reports and the platform both read them. */
export const migration0006: Migration = {
  version: 6,
  name: 'agent-states',
  up: (db) => {
    db.exec(`
      CREATE TABLE agent_states (
        id         TEXT PRIMARY KEY,
        agent_id   TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('signed-out', 'ready', 'not-ready', 'on-call', 'wrap-up')),
        reason     TEXT,
        at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agent_states_by_time ON agent_states (at);
    `);
  },
};
