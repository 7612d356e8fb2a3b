import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from '../db/statement-cache';
import { isAssignedStation, provisionalStation } from './domain/work-order-number';

const read = (db: Database, key: string): string | undefined =>
  statement(db, 'SELECT value FROM profile_meta WHERE key = ?').pluck().get(key) as string | undefined;
const write = (db: Database, key: string, value: string): void => {
  statement(db, 'INSERT INTO profile_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
};

/**
 * This console's identity towards the platform and its station in work-order numbers. The station
 * comes from the platform at sign-in (`platform_station`); the random 3-digit `station` of earlier
 * versions is never used again, since two consoles of one centre drew the same one far too often.
 */
export const stationRepo = {
  consoleId: (db: Database): string =>
    db.transaction(() => {
      const known = read(db, 'console_id');
      if (known) return known;
      const id = randomUUID();
      write(db, 'console_id', id);
      return id;
    })(),

  assign: (db: Database, station: string): void => {
    if (!isAssignedStation(station)) throw new RangeError('station must be 3 digits');
    write(db, 'platform_station', station);
  },

  /** Runs inside the submit transaction: the assigned station, or this profile's provisional one. */
  current: (db: Database): string => {
    const assigned = read(db, 'platform_station');
    if (assigned) return assigned;
    const provisional = read(db, 'provisional_station') ?? provisionalStation();
    write(db, 'provisional_station', provisional);
    return provisional;
  },
};
