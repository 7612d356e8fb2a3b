import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Internet requests (全媒体) on the reference platform: what citizens submit on the H5 page, the
 * centre's 网络诉求 queue, exclusive taking, questions to the citizen and their answers, completion
 * (by the console's outbox, with the work order), and 一次成功率. Kept in the platform's own file.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS internet_items (
    id TEXT PRIMARY KEY, centre_code TEXT NOT NULL, channel TEXT NOT NULL, received_at TEXT NOT NULL,
    submission_json TEXT NOT NULL, citizen_token_hash TEXT NOT NULL, status TEXT NOT NULL,
    taken_by TEXT, taken_at TEXT, completed_at TEXT, work_order_id TEXT, completed_by TEXT) STRICT;
  CREATE INDEX IF NOT EXISTS internet_items_by_centre ON internet_items (centre_code, status, received_at);
  CREATE TABLE IF NOT EXISTS internet_questions (
    id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES internet_items(id), text TEXT NOT NULL,
    asked_by TEXT NOT NULL, asked_at TEXT NOT NULL, answer TEXT, answered_at TEXT) STRICT;
  CREATE INDEX IF NOT EXISTS internet_questions_by_item ON internet_questions (item_id, asked_at);
  CREATE TABLE IF NOT EXISTS internet_attachments (
    id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES internet_items(id), name TEXT NOT NULL, type TEXT NOT NULL,
    size INTEGER NOT NULL, data BLOB NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS internet_attachments_by_item ON internet_attachments (item_id);
  CREATE TABLE IF NOT EXISTS internet_callbacks (
    id TEXT PRIMARY KEY, item_id TEXT NOT NULL REFERENCES internet_items(id), agent_id TEXT NOT NULL, at TEXT NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS internet_callbacks_by_item ON internet_callbacks (item_id);
`;

export interface InternetQuestion {
  readonly id: string;
  readonly text: string;
  readonly askedAt: string;
  readonly answer: string | null;
  readonly answeredAt: string | null;
}

export interface InternetItem {
  readonly id: string;
  readonly channel: string;
  readonly receivedAt: string;
  readonly submission: Record<string, unknown>;
  /** waiting: nobody has it; taken: an agent works it; asked: a question is open; answered: the citizen replied; completed. */
  readonly status: 'waiting' | 'taken' | 'asked' | 'answered' | 'completed';
  readonly takenBy: string | null;
  readonly questions: readonly InternetQuestion[];
  readonly attachments: readonly { id: string; name: string; type: string; size: number }[];
}

interface ItemRow {
  id: string;
  channel: string;
  received_at: string;
  submission_json: string;
  status: InternetItem['status'];
  taken_by: string | null;
  citizen_token_hash: string;
  centre_code: string;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface InternetFigures {
  readonly completed: number;
  /** Completed without asking the citizen anything (一次成功). */
  readonly firstTime: number;
  readonly questionsSent: number;
  /** Completed after a question answered through the channel, without phoning: a call-back not made. */
  readonly callbacksAvoided: number;
  /** Phone call-backs made on internet requests (still possible, recorded as such). */
  readonly callbacksMade: number;
}

export const openInternetDesk = (db: Database) => {
  db.exec(SCHEMA);
  const questionsOf = (itemId: string): InternetQuestion[] =>
    (
      db
        .prepare('SELECT id, text, asked_at, answer, answered_at FROM internet_questions WHERE item_id = ? ORDER BY asked_at, id')
        .all(itemId) as { id: string; text: string; asked_at: string; answer: string | null; answered_at: string | null }[]
    ).map((row) => ({ id: row.id, text: row.text, askedAt: row.asked_at, answer: row.answer, answeredAt: row.answered_at }));
  const view = (row: ItemRow): InternetItem => ({
    id: row.id,
    channel: row.channel,
    receivedAt: row.received_at,
    submission: JSON.parse(row.submission_json) as Record<string, unknown>,
    status: row.status,
    takenBy: row.taken_by,
    questions: questionsOf(row.id),
    attachments: db
      .prepare('SELECT id, name, type, size FROM internet_attachments WHERE item_id = ? ORDER BY rowid')
      .all(row.id) as { id: string; name: string; type: string; size: number }[],
  });
  const row = (id: string): ItemRow | undefined =>
    db.prepare('SELECT * FROM internet_items WHERE id = ?').get(id) as ItemRow | undefined;
  /** 一次成功率 and its parts, for one agent (their completions and their questions) or the whole centre. */
  const figures = (centreCode: string, agentId: string | null): InternetFigures => {
    const items = db
      .prepare(
        `SELECT i.completed_by AS completedBy,
           (SELECT count(*) FROM internet_questions q WHERE q.item_id = i.id) AS asked,
           (SELECT count(q.answer) FROM internet_questions q WHERE q.item_id = i.id) AS answered,
           (SELECT count(*) FROM internet_callbacks c WHERE c.item_id = i.id) AS phoned
         FROM internet_items i WHERE i.centre_code = ? AND i.status = 'completed'`,
      )
      .all(centreCode) as { completedBy: string; asked: number; answered: number; phoned: number }[];
    const mine = items.filter((item) => agentId === null || item.completedBy === agentId);
    const questionsSent = db
      .prepare(
        'SELECT count(*) FROM internet_questions q JOIN internet_items i ON i.id = q.item_id WHERE i.centre_code = ? AND (? IS NULL OR q.asked_by = ?)',
      )
      .pluck()
      .get(centreCode, agentId, agentId) as number;
    return {
      completed: mine.length,
      firstTime: mine.filter((item) => item.asked === 0).length,
      questionsSent,
      callbacksAvoided: mine.filter((item) => item.answered > 0 && item.phoned === 0).length,
      callbacksMade: db
        .prepare(
          'SELECT count(*) FROM internet_callbacks c JOIN internet_items i ON i.id = c.item_id WHERE i.centre_code = ? AND (? IS NULL OR c.agent_id = ?)',
        )
        .pluck()
        .get(centreCode, agentId, agentId) as number,
    };
  };

  return {
    submit: (
      centreCode: string,
      channel: string,
      submission: Record<string, unknown>,
      attachments: readonly { name: string; type: string; data: Buffer }[] = [],
    ): { id: string; token: string } => {
      const id = randomUUID();
      const token = randomBytes(24).toString('base64url');
      db.transaction(() => {
        db.prepare(
          "INSERT INTO internet_items (id, centre_code, channel, received_at, submission_json, citizen_token_hash, status) VALUES (?, ?, ?, ?, ?, ?, 'waiting')",
        ).run(id, centreCode, channel, new Date().toISOString(), JSON.stringify(submission), hashToken(token));
        for (const attachment of attachments)
          db.prepare('INSERT INTO internet_attachments (id, item_id, name, type, size, data) VALUES (?, ?, ?, ?, ?, ?)').run(
            randomUUID(),
            id,
            attachment.name,
            attachment.type,
            attachment.data.length,
            attachment.data,
          );
      })();
      return { id, token };
    },

    /** What the citizen's page shows: where the request stands and the questions asked (never who works it). */
    citizenView: (id: string, token: string) => {
      const found = row(id);
      if (!found || found.citizen_token_hash !== hashToken(token)) return null;
      return { id, status: found.status, receivedAt: found.received_at, questions: questionsOf(id) };
    },

    answer: (id: string, token: string, questionId: string, text: string): 'ok' | 'not-found' | 'already' => {
      const found = row(id);
      if (!found || found.citizen_token_hash !== hashToken(token)) return 'not-found';
      const changed = db
        .prepare('UPDATE internet_questions SET answer = ?, answered_at = ? WHERE id = ? AND item_id = ? AND answer IS NULL')
        .run(text, new Date().toISOString(), questionId, id).changes;
      if (changed === 0) return questionsOf(id).some((question) => question.id === questionId) ? 'already' : 'not-found';
      if (found.status === 'asked') db.prepare("UPDATE internet_items SET status = 'answered' WHERE id = ?").run(id);
      return 'ok';
    },

    centreOf: (id: string): string | null => row(id)?.centre_code ?? null,

    /** The centre's queue as an agent sees it: every item nobody has taken, and the agent's own open ones. */
    queue: (centreCode: string, agentId: string): InternetItem[] =>
      (
        db
          .prepare(
            `SELECT * FROM internet_items WHERE centre_code = ? AND (status = 'waiting' OR (taken_by = ? AND status != 'completed'))
             ORDER BY received_at LIMIT 200`,
          )
          .all(centreCode, agentId) as ItemRow[]
      ).map(view),

    /** Exclusive: the first agent gets it, a second is told who has it. */
    take: (
      id: string,
      centreCode: string,
      agentId: string,
    ): { kind: 'taken'; item: InternetItem } | { kind: 'not-found' } | { kind: 'busy'; takenBy: string } => {
      const found = row(id);
      if (!found || found.centre_code !== centreCode) return { kind: 'not-found' };
      const changed = db
        .prepare("UPDATE internet_items SET status = 'taken', taken_by = ?, taken_at = ? WHERE id = ? AND status = 'waiting'")
        .run(agentId, new Date().toISOString(), id).changes;
      const now = row(id)!;
      if (changed === 0 && now.taken_by !== agentId) return { kind: 'busy', takenBy: now.taken_by ?? '' };
      return { kind: 'taken', item: view(now) };
    },

    ask: (id: string, agentId: string, text: string): { kind: 'asked'; question: InternetQuestion } | { kind: 'not-yours' } => {
      const found = row(id);
      if (!found || found.taken_by !== agentId || found.status === 'completed') return { kind: 'not-yours' };
      const question = { id: randomUUID(), text, askedAt: new Date().toISOString(), answer: null, answeredAt: null };
      db.transaction(() => {
        db.prepare('INSERT INTO internet_questions (id, item_id, text, asked_by, asked_at) VALUES (?, ?, ?, ?, ?)').run(
          question.id,
          id,
          text,
          agentId,
          question.askedAt,
        );
        db.prepare("UPDATE internet_items SET status = 'asked' WHERE id = ?").run(id);
      })();
      return { kind: 'asked', question };
    },

    /** The agent phoned the citizen instead (or as well): recorded, so 一次成功率 and 免回拨 stay honest. */
    callBack: (id: string, agentId: string): { kind: 'recorded'; at: string; contactNumber: string } | { kind: 'not-yours' } => {
      const found = row(id);
      if (!found || found.taken_by !== agentId || found.status === 'completed') return { kind: 'not-yours' };
      const at = new Date().toISOString();
      db.prepare('INSERT INTO internet_callbacks (id, item_id, agent_id, at) VALUES (?, ?, ?, ?)').run(
        randomUUID(),
        id,
        agentId,
        at,
      );
      const submission = JSON.parse(found.submission_json) as { contactNumber?: string };
      return { kind: 'recorded', at, contactNumber: submission.contactNumber ?? '' };
    },

    /** From the console's outbox: the item became this work order. Only its taker completes it, once. */
    complete: (id: string, agentId: string, workOrderId: string, at: string): string | null => {
      const found = row(id);
      if (!found) return 'unknown internet item';
      if (found.taken_by !== agentId) return 'the item is not taken by this agent';
      if (found.status === 'completed') return null;
      db.prepare(
        "UPDATE internet_items SET status = 'completed', completed_at = ?, work_order_id = ?, completed_by = ? WHERE id = ?",
      ).run(at, workOrderId, agentId, id);
      return null;
    },

    figures: (centreCode: string, agentId: string) => ({
      agent: figures(centreCode, agentId),
      centre: figures(centreCode, null),
    }),
  };
};

export type InternetDesk = ReturnType<typeof openInternetDesk>;
