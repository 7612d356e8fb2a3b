import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { Repos } from './repos';
import type { SerializedError, WorkerInit, WorkerMessage } from './worker-protocol';

type Remote<R> = {
  readonly [K in keyof R]: R[K] extends (db: Database, ...args: infer A) => infer T ? (...args: A) => Promise<T> : never;
};

export type RemoteRepos = { readonly [N in keyof Repos]: Remote<Repos[N]> };

export class DatabaseError extends Error {
  readonly code: string;
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.code = serialized.code ?? 'DATABASE_ERROR';
  }
}

export interface DbClient {
  readonly repos: RemoteRepos;
  readonly schemaVersion: number;
  /** Called after any operation that queued outbox rows (sync listens; nobody has to pass it on). */
  onOutboxWritten(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface OpenDbClientOptions extends WorkerInit {
  /** The bundled db-worker.cjs in the app; tests pass the TypeScript source with a loader. */
  readonly workerScript: string | URL;
  readonly workerArgv?: string[];
}

/**
 * better-sqlite3 is synchronous, so it lives on a worker thread: a slow query never freezes the
 * ringing UI or the SIP keep-alives handled by main. One worker means one writer, in order.
 */
export const openDbClient = ({ workerScript, workerArgv, ...init }: OpenDbClientOptions): Promise<DbClient> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: init, argv: workerArgv ?? [] });
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    let nextId = 1;
    let closed = false;
    const outboxListeners = new Set<() => void>();

    const failAll = (error: Error): void => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };

    const call = (repo: string, op: string, args: unknown[]): Promise<unknown> => {
      if (closed)
        return Promise.reject(
          new DatabaseError({ name: 'DatabaseClosed', message: 'database is closed', code: 'DATABASE_ERROR' }),
        );
      const id = nextId++;
      return new Promise((resolveCall, rejectCall) => {
        pending.set(id, { resolve: resolveCall, reject: rejectCall });
        worker.postMessage({ id, repo, op, args });
      });
    };

    const remoteRepos = new Proxy({} as RemoteRepos, {
      get: (_target, repo) =>
        new Proxy(
          {},
          {
            get:
              (_t, op) =>
              (...args: unknown[]) =>
                call(String(repo), String(op), args),
          },
        ),
    });

    worker.on('message', (message: WorkerMessage) => {
      switch (message.kind) {
        case 'ready':
          resolve({
            repos: remoteRepos,
            schemaVersion: message.schemaVersion,
            onOutboxWritten: (listener) => {
              outboxListeners.add(listener);
              return () => void outboxListeners.delete(listener);
            },
            close: () =>
              new Promise<void>((resolveClose) => {
                if (closed) return resolveClose();
                closed = true;
                worker.once('exit', () => resolveClose());
                worker.postMessage({ kind: 'close' });
              }),
          });
          return;
        case 'open-failed':
          closed = true;
          reject(new DatabaseError(message.error));
          return;
        case 'reply': {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (!waiter) return;
          if (message.ok && message.outboxWritten) for (const listener of outboxListeners) listener();
          if (message.ok) waiter.resolve(message.value);
          else waiter.reject(new DatabaseError(message.error));
        }
      }
    });
    worker.on('error', (error) => {
      closed = true;
      failAll(error);
      reject(error);
    });
    worker.on('exit', (code) => {
      closed = true;
      failAll(
        new DatabaseError({ name: 'DatabaseWorkerExited', message: `database worker exited (${code})`, code: 'DATABASE_ERROR' }),
      );
    });
  });
