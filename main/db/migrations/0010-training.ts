import type { Migration } from './migration';

/**
 * Training on the real phone path: a training call names the scenario it plays (only a training
 * profile takes that from the INVITE), and each scored order keeps its card for the trainer's
 * report. A profile's kind is a settings row written when the profile is made (training-repo).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'training',
  up: (db) => {
    db.exec(`
      ALTER TABLE calls ADD COLUMN training_scenario_id TEXT;
      CREATE TABLE training_results (
        work_order_id TEXT PRIMARY KEY REFERENCES work_orders(id),
        scenario_id   TEXT NOT NULL,
        business_type TEXT NOT NULL,
        trainee       TEXT NOT NULL,
        points        INTEGER NOT NULL,
        max_points    INTEGER NOT NULL,
        card_json     TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX training_results_by_time ON training_results (created_at);
    `);
  },
};
