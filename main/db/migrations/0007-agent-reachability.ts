import type { Migration } from './migration';

/**
 * Whether the agent's phone was registered at each state change: an agent 示闲 whose registration
 * lapsed cannot take calls, and the platform (queue, wallboard) must not count them as available.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'agent-reachability',
  up: (db) => {
    db.exec('ALTER TABLE agent_states ADD COLUMN phone_registered INTEGER NOT NULL DEFAULT 1 CHECK (phone_registered IN (0, 1))');
  },
};
