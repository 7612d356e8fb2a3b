import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type Repos, interactiveReads } from './repos';
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

/** One operation that took longer than an agent should wait; no arguments, so no personal data. */
export interface SlowCall {
  readonly repo: string;
  readonly op: string;
  readonly connection: 'writer' | 'reader';
  /** From the call to its answer, the wait in the queue included: what the caller of the operation felt. */
  readonly totalMs: number;
  readonly runMs: number;
}

export interface DbClient {
  readonly repos: RemoteRepos;
  readonly schemaVersion: number;
  /** Called after any operation that queued outbox rows (sync listens; nobody has to pass it on). */
  onOutboxWritten(listener: () => void): () => void;
  /** Settles once the read-only connection is open (or could not be); until then the writer answers all. */
  readonly readerOpened: Promise<void>;
  close(): Promise<void>;
}

export interface OpenDbClientOptions extends Omit<WorkerInit, 'role'> {
  /** The bundled db-worker.cjs in the app; tests pass the TypeScript source with a loader. */
  readonly workerScript: string | URL;
  readonly workerArgv?: string[];
  /** Told of every operation slower than `slowMs` (default 40 ms). */
  readonly onSlowCall?: (call: SlowCall) => void;
  readonly slowMs?: number;
}

interface Connection {
  readonly schemaVersion: number;
  call(repo: string, op: string, args: unknown[]): Promise<unknown>;
  /** False once the worker is gone: calls then go elsewhere or fail. */
  alive(): boolean;
  close(): Promise<void>;
}

const closedError = (message: string) => new DatabaseError({ name: 'DatabaseClosed', message, code: 'DATABASE_ERROR' });

/** One worker thread with one SQLite connection; its operations run strictly in the order sent. */
const openConnection = (
  options: OpenDbClientOptions,
  role: 'writer' | 'reader',
  onReply: (repo: string, op: string, message: Extract<WorkerMessage, { kind: 'reply' }>, totalMs: number) => void,
): Promise<Connection> =>
  new Promise((resolve, reject) => {
    const { workerScript, workerArgv, onSlowCall: _onSlowCall, slowMs: _slowMs, ...init } = options;
    const worker = new Worker(workerScript, { workerData: { ...init, role } satisfies WorkerInit, argv: workerArgv ?? [] });
    const pending = new Map<
      number,
      { repo: string; op: string; sentAt: number; resolve: (value: unknown) => void; reject: (error: Error) => void }
    >();
    let nextId = 1;
    let closed = false;

    const failAll = (error: Error): void => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };

    worker.on('message', (message: WorkerMessage) => {
      switch (message.kind) {
        case 'ready':
          resolve({
            schemaVersion: message.schemaVersion,
            alive: () => !closed,
            call: (repo, op, args) => {
              if (closed) return Promise.reject(closedError('database is closed'));
              const id = nextId++;
              return new Promise((resolveCall, rejectCall) => {
                pending.set(id, { repo, op, sentAt: performance.now(), resolve: resolveCall, reject: rejectCall });
                worker.postMessage({ id, repo, op, args });
              });
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
          onReply(waiter.repo, waiter.op, message, performance.now() - waiter.sentAt);
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

const isInteractiveRead = (repo: string, op: string): boolean =>
  (interactiveReads as Record<string, readonly string[] | undefined>)[repo]?.includes(op) ?? false;

/**
 * better-sqlite3 is synchronous, so it lives on worker threads: a slow query never freezes the
 * ringing UI or the SIP keep-alives handled by main. One writer takes every write in order; a
 * second, read-only connection answers the lookups an agent waits for (see `interactiveReads`).
 */
export const openDbClient = async (options: OpenDbClientOptions): Promise<DbClient> => {
  const outboxListeners = new Set<() => void>();
  const slowMs = options.slowMs ?? 40;
  let closed = false;
  const onReply =
    (connection: 'writer' | 'reader') =>
    (repo: string, op: string, message: Extract<WorkerMessage, { kind: 'reply' }>, totalMs: number): void => {
      if (message.ok && message.outboxWritten) for (const listener of outboxListeners) listener();
      if (totalMs > slowMs) options.onSlowCall?.({ repo, op, connection, totalMs, runMs: message.runMs });
    };
  const writer = await openConnection(options, 'writer', onReply('writer'));
  // The reader opens once the writer has migrated the file, without holding up the start: until it is
  // there, or if it cannot open, the writer answers everything, as before: slower, never wrong.
  let reader: Connection | null = null;
  const readerOpened = openConnection(options, 'reader', onReply('reader')).then(
    (connection) => {
      if (closed) return connection.close();
      reader = connection;
    },
    () => undefined,
  );

  const call = (repo: string, op: string, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(closedError('database is closed'));
    const connection = reader?.alive() && isInteractiveRead(repo, op) ? reader : writer;
    return connection.call(repo, op, args);
  };

  const repos = new Proxy({} as RemoteRepos, {
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

  return {
    repos,
    schemaVersion: writer.schemaVersion,
    readerOpened,
    onOutboxWritten: (listener) => {
      outboxListeners.add(listener);
      return () => void outboxListeners.delete(listener);
    },
    close: async () => {
      closed = true;
      await readerOpened;
      await Promise.all([reader?.close(), writer.close()]);
    },
  };
};
