import { type AuditRow, chainedFields } from '../../audit/audit-repo';
import { GENESIS, auditHash } from '../../audit/domain/audit-chain';
import { stationRepo } from '../../workorders/station-repo';
import type { Migration } from './migration';

/**
 * The audit log becomes a hash chain (main/audit/domain/audit-chain.ts). Entries written before
 * are chained here, in the order they were written, under this console's id; the append-only
 * triggers are lifted for exactly that and put back.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'audit-chain',
  up: (db) => {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN console_id TEXT;
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      DROP TRIGGER audit_log_no_update;
    `);
    const consoleId = stationRepo.consoleId(db);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    const chain = db.prepare('UPDATE audit_log SET console_id = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    let previous = GENESIS;
    for (const row of rows) {
      const hash = auditHash(previous, chainedFields(row, consoleId));
      chain.run(consoleId, previous, hash, row.seq);
      previous = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
