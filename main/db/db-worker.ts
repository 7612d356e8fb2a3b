import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openDatabase, openReadConnection } from './open-database';
import { repos } from './repos';
import { takeOutboxWritten } from '../sync/outbox-signal';
import { serializeError, type WorkerInit, type WorkerMessage, type WorkerRequest } from './worker-protocol';

type AnyOp = (db: Database, ...args: readonly unknown[]) => unknown;

const port = parentPort;
if (!port) throw new Error('db-worker must run as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);

let db: Database;
try {
  const init = workerData as WorkerInit;
  const opened = init.role === 'reader' ? openReadConnection(init) : openDatabase(init);
  db = opened.db;
  post({ kind: 'ready', schemaVersion: opened.schemaVersion });
} catch (error) {
  post({ kind: 'open-failed', error: serializeError(error) });
  process.exit(0);
}

port.on('message', (request: WorkerRequest | { kind: 'close' }) => {
  if ('kind' in request) {
    db.close();
    port.close();
    return;
  }
  const started = performance.now();
  try {
    const repo = (repos as Record<string, Record<string, AnyOp>>)[request.repo];
    const op = repo?.[request.op];
    if (!op) throw new Error(`unknown database operation ${request.repo}.${request.op}`);
    const value = op(db, ...request.args);
    const runMs = performance.now() - started;
    post({ kind: 'reply', id: request.id, ok: true, value, outboxWritten: takeOutboxWritten(), runMs });
  } catch (error) {
    takeOutboxWritten();
    post({ kind: 'reply', id: request.id, ok: false, error: serializeError(error), runMs: performance.now() - started });
  }
});
