import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; versions are consecutive from 1. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database) => void;
}
