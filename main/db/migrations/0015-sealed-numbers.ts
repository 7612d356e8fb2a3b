import type { Migration } from './migration';

/**
 * SM4 field encryption (main/fields/): when a centre turns it on, callers.number_key holds the
 * number's keyed blind index (still unique, still what the screen-pop looks up) and the number
 * itself is kept here, sealed, for the audited 显示 and for sync.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'sealed-numbers',
  up: (db) => {
    db.exec('ALTER TABLE callers ADD COLUMN number_sealed TEXT;');
  },
};
