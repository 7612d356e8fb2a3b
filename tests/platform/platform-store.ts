import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import type { PullItem, PullStream, PushItem, PushResult } from '../../main/sync/protocol/sync-protocol';
import { type ChainProblem, type ChainedAuditEntry, verifyReceivedChain } from '../../main/audit/domain/audit-chain';
import { type PushPayload, pushPayloadSchemas } from '../../main/sync/protocol/stream-records';
import { type HelpRequest, helpRequestSchema } from '../../preload/contract/help-contract';
import { helpFromPush } from './hall/help-desk';
import { type InternetDesk, openInternetDesk } from './internet-desk';
import { bundledCatalogue, dataCatalogueSchema } from '../../main/workorders/domain/catalogue-schema';
import type { DataCatalogue } from '../../main/workorders/domain/data-catalogue';

/**
 * The reference platform's own storage: a SQLite file with agents and tokens, every pushed item
 * (idempotency by item id), the records it carries, and a change log per stream that pull reads.
 */
const SCHEMA = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  CREATE TABLE IF NOT EXISTS agents (agent_id TEXT PRIMARY KEY, centre_code TEXT NOT NULL, role TEXT NOT NULL, salt BLOB NOT NULL, hash BLOB NOT NULL, team TEXT) STRICT;
  CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, agent_id TEXT NOT NULL, centre_code TEXT NOT NULL, role TEXT NOT NULL, expires_at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS applied_items (item_id TEXT PRIMARY KEY, payload_hash TEXT NOT NULL, stream TEXT NOT NULL, record_id TEXT NOT NULL, centre_code TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS records (stream TEXT NOT NULL, id TEXT NOT NULL, centre_code TEXT NOT NULL, data_json TEXT NOT NULL, PRIMARY KEY (stream, id)) STRICT;
  CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, stream TEXT NOT NULL, scope TEXT NOT NULL, record_id TEXT NOT NULL, op TEXT NOT NULL, version INTEGER NOT NULL, data_json TEXT) STRICT;
  CREATE INDEX IF NOT EXISTS changes_by_stream ON changes (stream, scope, seq);
  CREATE INDEX IF NOT EXISTS changes_by_record ON changes (stream, record_id);
  CREATE TABLE IF NOT EXISTS platform_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS stations (centre_code TEXT NOT NULL, console_id TEXT NOT NULL, station TEXT NOT NULL, PRIMARY KEY (centre_code, console_id), UNIQUE (centre_code, station)) STRICT;
  CREATE INDEX IF NOT EXISTS events_by_order ON records (json_extract(data_json, '$.workOrderId')) WHERE stream = 'work_order_event';
  CREATE INDEX IF NOT EXISTS calls_by_sip_call_id ON records (json_extract(data_json, '$.sipCallId')) WHERE stream = 'call';
  CREATE INDEX IF NOT EXISTS calls_by_agent ON records (json_extract(data_json, '$.agentId'), json_extract(data_json, '$.answerAt')) WHERE stream = 'call';
`;

const hashPayload = (item: PushItem): string =>
  createHash('sha256')
    .update(JSON.stringify([item.stream, item.recordId, item.op, item.payload]))
    .digest('hex');

const RESOLVE_CLOCK_STEPS = new Set(['accepted', 'supervised']);

export interface DepartmentStep {
  readonly kind: string;
  readonly actor: string;
  readonly note: string | null;
  /** The order's status after the step; unchanged when absent (a 延期申请, a 督办). */
  readonly status?: string;
  readonly department?: string;
  readonly dueAt?: string;
  readonly outcome?: string;
  /** The order's new deadline (an approved postponement). */
  readonly deadlineAt?: string;
  readonly at?: string;
}

export interface Session {
  readonly agentId: string;
  readonly centreCode: string;
  /** A department's account works orders on the platform (tests/platform/department-routes.ts), never in a console. */
  readonly role: AccountRole;
  /** The agent's team (班组): a lead sees the agents of their own team; an admin sees every team. */
  readonly team: string | null;
}

/** 接听员, 班长, 管理员 — and the departments' accounts. */
export type AccountRole = 'agent' | 'lead' | 'admin' | 'department';
const accountRole = (stored: string): AccountRole =>
  stored === 'lead' || stored === 'admin' || stored === 'department' ? stored : 'agent';

export interface SignedIn extends Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly platformId: string;
  readonly station: string;
}

export interface PlatformStore {
  close(): void;
  /** Internet requests (全媒体): the citizen page's submissions and the centres' 网络诉求 queues. */
  readonly internet: InternetDesk;
  /** Made once per platform database: what every answer is signed with. */
  readonly platformId: string;
  addAgent(agentId: string, password: string, centreCode: string, role?: AccountRole, team?: string | null): void;
  /** A department's sign-in: a token for the department routes only. */
  departmentSignIn(accountId: string, password: string): { token: string; centreCode: string } | null;
  /** The orders of a centre, newest first, as a department's inbox lists them. */
  centreOrders(centreCode: string, limit: number): { id: string; number: string; title: string; status: string }[];
  orderCentre(orderId: string): string | null;
  /** The data catalogue the platform last published (the citizen page and its own check use it). */
  catalogue(): DataCatalogue;
  /** An order as the platform holds it, with every step it received (the consoles' 催办 and 回访 too). */
  orderWithSteps(orderId: string): { order: Record<string, unknown>; steps: Record<string, unknown>[] } | null;
  /** null for wrong credentials; 'stations-full' when a centre has no free station number left. */
  signIn(agentId: string, password: string, centreCode: string, consoleId: string): SignedIn | 'stations-full' | null;
  session(token: string): Session | null;
  push(items: readonly PushItem[], session: Session): { results: PushResult[]; changedStreams: PullStream[] };
  pull(
    stream: PullStream,
    cursor: number,
    limit: number,
    session: Session,
  ): { items: PullItem[]; cursor: number; hasMore: boolean; remaining: number };
  setOrderStatus(orderId: string, status: string, actor: string, note: string | null): boolean;
  departmentStep(orderId: string, step: DepartmentStep): string | null;
  publishShared(stream: PullStream, id: string, op: 'upsert' | 'delete', version: number, data: unknown): void;
  publishSharedBatch(
    rows: readonly { stream: PullStream; id: string; op: 'upsert' | 'delete'; version: number; data: unknown }[],
  ): void;
  publishCentreOrder(centre: string, id: string, data: unknown): void;
  count(stream: string): number;
  /** Items applied, of one stream or all. */
  appliedCount(stream?: string): number;
  recordIds(stream: string): string[];
  recordData(stream: string, id: string): Record<string, unknown> | null;
  helpRequest(id: string): HelpRequest | null;
  /** The Ed25519 key monitoring permissions are signed with (made once per platform database). */
  readonly monitorKey: { privateKey: KeyObject; publicKey: KeyObject };
  /** An account's team in a centre, or undefined when the centre has no such account. */
  agentTeam(agentId: string, centreCode: string): string | null | undefined;
  /** The agent's call with this SIP Call-ID as its console last pushed it, when it has not ended. */
  activeCall(agentId: string, sipCallId: string): boolean;
  /** The SIP Call-ID of the agent's latest call answered and not ended (not a consultation), as its console pushed it. */
  currentCall(agentId: string): string | null;
  /** A lead's answer to a help request, kept with the request. */
  saveHelpRequest(request: HelpRequest, centreCode: string): void;
  /** A centre's requests not resolved yet: a restarted platform's hall starts with them. */
  openHelpRequests(centreCode: string): HelpRequest[];
  /** An agent's latest help requests, newest first. */
  helpRequestsOf(agentId: string, limit: number): HelpRequest[];
  /** Each console's audit chain as received: its entries and every problem (edited, gap, fork). */
  auditChains(centreCode: string): { consoleId: string; entries: number; problems: ChainProblem[] }[];
}

export const openPlatformStore = (file: string): PlatformStore => {
  const db: Database = new BetterSqlite3(file);
  db.exec(SCHEMA);
  // A platform file from before teams existed keeps its accounts.
  if (!(db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').pluck().get('agents', 'team') as number | undefined))
    db.exec('ALTER TABLE agents ADD COLUMN team TEXT');
  db.prepare('INSERT OR IGNORE INTO platform_meta (key, value) VALUES (?, ?)').run(
    'platform_id',
    randomBytes(12).toString('base64url'),
  );
  const platformId = db.prepare("SELECT value FROM platform_meta WHERE key = 'platform_id'").pluck().get() as string;
  const storedMonitorKey = db.prepare("SELECT value FROM platform_meta WHERE key = 'monitor_key'").pluck().get() as
    string | undefined;
  const monitorPrivate = storedMonitorKey ? createPrivateKey(storedMonitorKey) : generateKeyPairSync('ed25519').privateKey;
  if (!storedMonitorKey)
    db.prepare('INSERT INTO platform_meta (key, value) VALUES (?, ?)').run(
      'monitor_key',
      monitorPrivate.export({ format: 'pem', type: 'pkcs8' }).toString(),
    );
  const monitorKey = { privateKey: monitorPrivate, publicKey: createPublicKey(monitorPrivate) };

  /** The console keeps its station across sign-ins; a new console gets the lowest free one of its centre. */
  const stationFor = db.transaction((centreCode: string, consoleId: string): string | null => {
    const known = db
      .prepare('SELECT station FROM stations WHERE centre_code = ? AND console_id = ?')
      .pluck()
      .get(centreCode, consoleId) as string | undefined;
    if (known) return known;
    const taken = new Set(db.prepare('SELECT station FROM stations WHERE centre_code = ?').pluck().all(centreCode) as string[]);
    for (let n = 1; n < 1000; n += 1) {
      const station = String(n).padStart(3, '0');
      if (taken.has(station)) continue;
      db.prepare('INSERT INTO stations (centre_code, console_id, station) VALUES (?, ?, ?)').run(centreCode, consoleId, station);
      return station;
    }
    return null;
  });

  const appendChange = (
    stream: PullStream,
    scope: string,
    recordId: string,
    op: 'upsert' | 'delete',
    version: number,
    data: unknown,
  ): void => {
    db.prepare('INSERT INTO changes (stream, scope, record_id, op, version, data_json) VALUES (?, ?, ?, ?, ?, ?)').run(
      stream,
      scope,
      recordId,
      op,
      version,
      data === null ? null : JSON.stringify(data),
    );
  };
  const record = (stream: string, id: string): Record<string, unknown> | null => {
    const json = db.prepare('SELECT data_json FROM records WHERE stream = ? AND id = ?').pluck().get(stream, id) as
      string | undefined;
    return json ? (JSON.parse(json) as Record<string, unknown>) : null;
  };
  const saveRecord = (stream: string, id: string, centre: string, data: unknown): void => {
    db.prepare(
      'INSERT INTO records (stream, id, centre_code, data_json) VALUES (?, ?, ?, ?) ON CONFLICT(stream, id) DO UPDATE SET data_json = excluded.data_json',
    ).run(stream, id, centre, JSON.stringify(data));
  };

  /** The work-order document consoles pull: the order, its caller and all its events so far. */
  const publishOrder = (orderId: string, centre: string): void => {
    const order = record('work_order', orderId);
    if (!order) return;
    const events = (
      db
        .prepare(
          "SELECT data_json FROM records WHERE stream = 'work_order_event' AND json_extract(data_json, '$.workOrderId') = ? ORDER BY json_extract(data_json, '$.at'), id",
        )
        .pluck()
        .all(orderId) as string[]
    ).map((json) => JSON.parse(json) as Record<string, unknown>);
    const caller = typeof order.callerId === 'string' ? record('caller', order.callerId) : null;
    const version =
      (db.prepare("SELECT count(*) FROM changes WHERE stream = 'work_orders' AND record_id = ?").pluck().get(orderId) as number) +
      1;
    appendChange('work_orders', centre, orderId, 'upsert', version, {
      order: {
        coDepartments: [],
        reply: null,
        deadlineAt: null,
        duplicateOf: null,
        confidential: false,
        callerId: null,
        contactName: null,
        contactNumber: null,
        categoryCode: null,
        regionCode: null,
        address: null,
        leadDepartment: null,
        channel: '电话',
        urgency: 'normal',
        ...order,
      },
      caller: caller
        ? { tags: [], name: null, regionCode: null, confidential: false, createdAt: order.createdAt, ...caller }
        : null,
      events: events.map((event) => ({
        id: event.id,
        kind: event.kind,
        at: event.at,
        actor: event.actor,
        note: event.note ?? null,
        department: event.department ?? null,
        dueAt: event.dueAt ?? null,
        outcome: event.outcome ?? null,
      })),
    });
  };

  const applyOne = (
    item: PushItem,
    session: Session,
  ): { ok: true; orderTouched: string | null } | { ok: false; error: string } => {
    // The console's outbox is typed from the same schemas: an item that fails here is a real defect or forgery.
    const parsed = pushPayloadSchemas[item.stream].safeParse(item.payload);
    if (!parsed.success)
      return { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
    const payload = parsed.data;
    if (payload.id !== item.recordId) return { ok: false, error: 'payload id differs from recordId' };
    switch (item.stream) {
      case 'work_order':
        saveRecord('work_order', item.recordId, session.centreCode, {
          ...(record('work_order', item.recordId) ?? {}),
          ...payload,
        });
        return { ok: true, orderTouched: item.recordId };
      case 'work_order_event': {
        saveRecord('work_order_event', item.recordId, session.centreCode, payload);
        const orderId = 'workOrderId' in payload ? (payload.workOrderId ?? null) : null;
        // The hotline's 回访 ends a resolved order's handling: the platform moves it on.
        const order = orderId ? record('work_order', orderId) : null;
        if (orderId && order?.status === 'resolved' && 'kind' in payload && payload.kind === 'visited')
          saveRecord('work_order', orderId, session.centreCode, { ...order, status: 'visited' });
        return { ok: true, orderTouched: orderId };
      }
      case 'internet_item': {
        const completion = payload as { id: string; workOrderId: string; completedBy: string; at: string };
        if (completion.completedBy !== session.agentId)
          return { ok: false, error: 'completed by another agent than the one signed in' };
        const problem = internet.complete(completion.id, session.agentId, completion.workOrderId, completion.at);
        return problem ? { ok: false, error: problem } : { ok: true, orderTouched: null };
      }
      case 'help_request': {
        const raised = payload as PushPayload<'help_request'>;
        if (raised.agentId !== session.agentId) return { ok: false, error: 'raised by another agent than the one signed in' };
        saveRecord('help_request', item.recordId, session.centreCode, helpFromPush(raised, session.team));
        return { ok: true, orderTouched: null };
      }
      case 'caller':
        saveRecord('caller', item.recordId, session.centreCode, payload);
        appendChange('callers', session.centreCode, item.recordId, 'upsert', 1, payload);
        return { ok: true, orderTouched: null };
      default:
        saveRecord(item.stream, item.recordId, session.centreCode, payload);
        return { ok: true, orderTouched: null };
    }
  };

  const departmentStep = (orderId: string, step: DepartmentStep): string | null => {
    const order = record('work_order', orderId);
    if (!order) return null;
    const centre = db
      .prepare("SELECT centre_code FROM records WHERE stream = 'work_order' AND id = ?")
      .pluck()
      .get(orderId) as string;
    db.transaction(() => {
      saveRecord('work_order', orderId, centre, {
        ...order,
        ...(step.status ? { status: step.status } : {}),
        ...(step.deadlineAt ? { deadlineAt: step.deadlineAt } : {}),
        ...(step.department && step.kind === 'dispatched' ? { leadDepartment: step.department } : {}),
      });
      const eventId = `platform-${randomBytes(8).toString('hex')}`;
      saveRecord('work_order_event', eventId, centre, {
        id: eventId,
        workOrderId: orderId,
        kind: step.kind,
        at: step.at ?? new Date().toISOString(),
        actor: step.actor,
        note: step.note,
        department: step.department ?? null,
        // A step that starts the 办结 clock names the deadline it counts toward at that moment.
        dueAt: step.dueAt ?? (RESOLVE_CLOCK_STEPS.has(step.kind) ? (step.deadlineAt ?? order.deadlineAt ?? null) : null),
        outcome: step.outcome ?? null,
      });
      publishOrder(orderId, centre);
    })();
    return centre;
  };

  const internet = openInternetDesk(db);

  return {
    close: () => db.close(),
    internet,
    platformId,

    addAgent: (
      agentId: string,
      password: string,
      centreCode: string,
      role: AccountRole = 'agent',
      team: string | null = null,
    ): void => {
      const salt = randomBytes(16);
      db.prepare('INSERT OR REPLACE INTO agents (agent_id, centre_code, role, salt, hash, team) VALUES (?, ?, ?, ?, ?, ?)').run(
        agentId,
        centreCode,
        role,
        salt,
        scryptSync(password, salt, 32),
        team,
      );
    },

    signIn: (agentId: string, password: string, centreCode: string, consoleId: string): SignedIn | 'stations-full' | null => {
      const agent = db.prepare('SELECT centre_code, role, salt, hash, team FROM agents WHERE agent_id = ?').get(agentId) as
        { centre_code: string; role: string; salt: Buffer; hash: Buffer; team: string | null } | undefined;
      if (!agent || agent.centre_code !== centreCode || !timingSafeEqual(scryptSync(password, agent.salt, 32), agent.hash))
        return null;
      if (agent.role === 'department') return null;
      const station = stationFor(agent.centre_code, consoleId);
      if (!station) return 'stations-full';
      const token = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + 12 * 3600 * 1000).toISOString();
      db.prepare('INSERT INTO tokens (token, agent_id, centre_code, role, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        token,
        agentId,
        agent.centre_code,
        agent.role,
        expiresAt,
      );
      return {
        token,
        expiresAt,
        agentId,
        centreCode: agent.centre_code,
        role: accountRole(agent.role) as Exclude<AccountRole, 'department'>,
        team: agent.team,
        platformId,
        station,
      };
    },

    departmentSignIn: (accountId: string, password: string): { token: string; centreCode: string } | null => {
      const account = db.prepare('SELECT centre_code, role, salt, hash FROM agents WHERE agent_id = ?').get(accountId) as
        { centre_code: string; role: string; salt: Buffer; hash: Buffer } | undefined;
      if (!account || account.role !== 'department' || !timingSafeEqual(scryptSync(password, account.salt, 32), account.hash))
        return null;
      const token = randomBytes(24).toString('base64url');
      db.prepare('INSERT INTO tokens (token, agent_id, centre_code, role, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        token,
        accountId,
        account.centre_code,
        'department',
        new Date(Date.now() + 12 * 3600 * 1000).toISOString(),
      );
      return { token, centreCode: account.centre_code };
    },

    centreOrders: (centreCode: string, limit: number) =>
      (
        db
          .prepare("SELECT data_json FROM records WHERE stream = 'work_order' AND centre_code = ? ORDER BY rowid DESC LIMIT ?")
          .pluck()
          .all(centreCode, limit) as string[]
      ).map((json) => {
        const order = JSON.parse(json) as Record<string, unknown>;
        return { id: String(order.id), number: String(order.number), title: String(order.title), status: String(order.status) };
      }),

    orderWithSteps: (orderId: string) => {
      const order = record('work_order', orderId);
      if (!order) return null;
      const steps = (
        db
          .prepare(
            "SELECT data_json FROM records WHERE stream = 'work_order_event' AND json_extract(data_json, '$.workOrderId') = ? ORDER BY json_extract(data_json, '$.at'), id",
          )
          .pluck()
          .all(orderId) as string[]
      ).map((json) => JSON.parse(json) as Record<string, unknown>);
      return { order, steps };
    },

    catalogue: (): DataCatalogue => {
      // The newest that is one: a broken publication does not unseat the last good catalogue.
      const published = db
        .prepare("SELECT data_json FROM changes WHERE stream = 'catalogue' AND op = 'upsert' ORDER BY seq DESC LIMIT 20")
        .pluck()
        .all() as string[];
      for (const json of published) {
        const parsed = dataCatalogueSchema.safeParse(JSON.parse(json));
        if (parsed.success) return parsed.data;
      }
      return bundledCatalogue;
    },

    orderCentre: (orderId: string): string | null =>
      (db.prepare("SELECT centre_code FROM records WHERE stream = 'work_order' AND id = ?").pluck().get(orderId) as
        string | undefined) ?? null,

    session: (token: string): Session | null => {
      const row = db
        .prepare(
          'SELECT tokens.agent_id, tokens.centre_code, tokens.role, tokens.expires_at, agents.team FROM tokens LEFT JOIN agents USING (agent_id) WHERE token = ?',
        )
        .get(token) as
        { agent_id: string; centre_code: string; role: string; expires_at: string; team: string | null } | undefined;
      if (!row || row.expires_at < new Date().toISOString()) return null;
      return { agentId: row.agent_id, centreCode: row.centre_code, role: accountRole(row.role), team: row.team };
    },

    /**
     * Each item exactly once: a known item id with the same payload is a duplicate (a retry after a
     * lost response), with another payload a conflict. An item that fails validation is rejected, and
     * so are the later items of the same record in this request, so per-record order holds.
     */
    push: (items: readonly PushItem[], session: Session): { results: PushResult[]; changedStreams: PullStream[] } => {
      const results: PushResult[] = [];
      const touched = new Set<string>();
      const blocked = new Set<string>();
      const changed = new Set<PullStream>();
      db.transaction(() => {
        for (const item of items) {
          const hash = hashPayload(item);
          const known = db.prepare('SELECT payload_hash FROM applied_items WHERE item_id = ?').pluck().get(item.itemId) as
            string | undefined;
          if (known !== undefined) {
            results.push(
              known === hash
                ? { itemId: item.itemId, status: 'duplicate' }
                : { itemId: item.itemId, status: 'conflict', error: 'same item id, different payload' },
            );
            continue;
          }
          if (blocked.has(item.recordId)) {
            results.push({
              itemId: item.itemId,
              status: 'rejected',
              error: 'blocked: an earlier change of this record was rejected',
            });
            continue;
          }
          const outcome = db.transaction(() => applyOne(item, session))();
          if (!outcome.ok) {
            blocked.add(item.recordId);
            results.push({ itemId: item.itemId, status: 'rejected', error: outcome.error });
            continue;
          }
          db.prepare(
            'INSERT INTO applied_items (item_id, payload_hash, stream, record_id, centre_code, applied_at) VALUES (?, ?, ?, ?, ?, ?)',
          ).run(item.itemId, hash, item.stream, item.recordId, session.centreCode, new Date().toISOString());
          if (outcome.orderTouched) touched.add(outcome.orderTouched);
          if (item.stream === 'caller') changed.add('callers');
          results.push({ itemId: item.itemId, status: 'applied' });
        }
        for (const orderId of touched) publishOrder(orderId, session.centreCode);
      })();
      if (touched.size > 0) changed.add('work_orders');
      return { results, changedStreams: [...changed] };
    },

    pull: (
      stream: PullStream,
      cursor: number,
      limit: number,
      session: Session,
    ): { items: PullItem[]; cursor: number; hasMore: boolean; remaining: number } => {
      const rows = db
        .prepare(
          "SELECT seq, op, record_id, version, data_json FROM changes INDEXED BY changes_by_stream WHERE stream = ? AND scope IN (?, '*') AND seq > ? ORDER BY seq LIMIT ?",
        )
        .all(stream, session.centreCode, cursor, limit + 1) as {
        seq: number;
        op: 'upsert' | 'delete';
        record_id: string;
        version: number;
        data_json: string | null;
      }[];
      const page = rows.slice(0, limit);
      const next = page.at(-1)?.seq ?? cursor;
      const remaining = db
        .prepare("SELECT count(*) FROM changes INDEXED BY changes_by_stream WHERE stream = ? AND scope IN (?, '*') AND seq > ?")
        .pluck()
        .get(stream, session.centreCode, next) as number;
      return {
        remaining,
        items: page.map((row) => ({
          seq: row.seq,
          op: row.op,
          id: row.record_id,
          version: row.version,
          data: row.data_json ? (JSON.parse(row.data_json) as Record<string, unknown>) : null,
        })),
        cursor: page.at(-1)?.seq ?? cursor,
        hasMore: rows.length > limit,
      };
    },

    /** What a department does on the platform: a new status for an order, flowing back to the consoles. */
    setOrderStatus: (orderId: string, status: string, actor: string, note: string | null): boolean =>
      departmentStep(orderId, { kind: status, status, actor, note }) !== null,

    /**
     * A step of the order's life as the platform records it (派单, 签收, 退回, 延期申请 / 批准, 督办,
     * 办结…), with the department acting, the status and deadline it leaves, and its own due time.
     * Returns the order's centre (whose consoles should hear of it), or null for an unknown order.
     */
    departmentStep: (orderId: string, step: DepartmentStep): string | null => departmentStep(orderId, step),

    /** Reference data for every centre (encyclopedia, synonyms, calendars): scope '*'. */
    publishShared: (stream: PullStream, id: string, op: 'upsert' | 'delete', version: number, data: unknown): void =>
      appendChange(stream, '*', id, op, version, data),
    publishSharedBatch: (
      rows: readonly { stream: PullStream; id: string; op: 'upsert' | 'delete'; version: number; data: unknown }[],
    ): void =>
      db.transaction(() => {
        for (const row of rows) appendChange(row.stream, '*', row.id, row.op, row.version, row.data);
      })(),
    publishCentreOrder: (centre: string, id: string, data: unknown): void =>
      appendChange('work_orders', centre, id, 'upsert', 1, data),

    count: (stream: string): number => db.prepare('SELECT count(*) FROM records WHERE stream = ?').pluck().get(stream) as number,
    appliedCount: (stream?: string): number =>
      (stream === undefined
        ? db.prepare('SELECT count(*) FROM applied_items').pluck().get()
        : db.prepare('SELECT count(*) FROM applied_items WHERE stream = ?').pluck().get(stream)) as number,
    recordIds: (stream: string): string[] =>
      db.prepare('SELECT id FROM records WHERE stream = ? ORDER BY rowid').pluck().all(stream) as string[],
    recordData: (stream: string, id: string) => record(stream, id),
    monitorKey,
    agentTeam: (agentId, centreCode) => {
      const row = db.prepare('SELECT team FROM agents WHERE agent_id = ? AND centre_code = ?').get(agentId, centreCode) as
        { team: string | null } | undefined;
      return row ? row.team : undefined;
    },
    activeCall: (agentId, sipCallId) =>
      (
        db
          .prepare(
            "SELECT data_json FROM records WHERE stream = 'call' AND json_extract(data_json, '$.sipCallId') = ? ORDER BY rowid DESC",
          )
          .pluck()
          .all(sipCallId) as string[]
      ).some((json) => {
        const call = JSON.parse(json) as { agentId?: string | null; answerAt?: string | null; endAt?: string | null };
        return call.agentId === agentId && !!call.answerAt && !call.endAt;
      }),
    currentCall: (agentId) =>
      (db
        .prepare(
          `SELECT json_extract(data_json, '$.sipCallId') FROM records
            WHERE stream = 'call' AND json_extract(data_json, '$.agentId') = ?
              AND json_extract(data_json, '$.answerAt') IS NOT NULL AND json_extract(data_json, '$.endAt') IS NULL
              -- A consultation is the agent's call to a colleague or department: the lead joins the caller's.
              AND json_extract(data_json, '$.purpose') <> 'consult'
            ORDER BY json_extract(data_json, '$.answerAt') DESC LIMIT 1`,
        )
        .pluck()
        .get(agentId) as string | null | undefined) ?? null,
    helpRequest: (id) => {
      const data = record('help_request', id);
      return data ? helpRequestSchema.parse(data) : null;
    },
    saveHelpRequest: (request, centreCode) => saveRecord('help_request', request.id, centreCode, request),
    openHelpRequests: (centreCode) =>
      (
        db
          .prepare(
            "SELECT data_json FROM records WHERE stream = 'help_request' AND centre_code = ? AND json_extract(data_json, '$.status') != 'resolved' ORDER BY rowid",
          )
          .pluck()
          .all(centreCode) as string[]
      ).map((json) => helpRequestSchema.parse(JSON.parse(json))),
    helpRequestsOf: (agentId, limit) =>
      (
        db
          .prepare(
            "SELECT data_json FROM records WHERE stream = 'help_request' AND json_extract(data_json, '$.agentId') = ? ORDER BY rowid DESC LIMIT ?",
          )
          .pluck()
          .all(agentId, limit) as string[]
      ).map((json) => helpRequestSchema.parse(JSON.parse(json))),
    auditChains: (centreCode) => {
      const byConsole = new Map<string, ChainedAuditEntry[]>();
      const rows = db
        .prepare("SELECT data_json FROM records WHERE stream = 'audit' AND centre_code = ? ORDER BY rowid")
        .pluck()
        .all(centreCode) as string[];
      for (const json of rows) {
        const data = JSON.parse(json) as Record<string, unknown>;
        const consoleId = typeof data.consoleId === 'string' ? data.consoleId : '';
        const entry: ChainedAuditEntry = {
          id: String(data.id),
          at: String(data.at),
          actor: String(data.actor),
          action: String(data.action),
          screen: String(data.screen),
          callerId: (data.callerId as string | null | undefined) ?? null,
          workOrderId: (data.workOrderId as string | null | undefined) ?? null,
          detail: (data.detail as string | null | undefined) ?? null,
          consoleId,
          prevHash: typeof data.prevHash === 'string' ? data.prevHash : '',
          hash: typeof data.hash === 'string' ? data.hash : '',
        };
        byConsole.set(consoleId, [...(byConsole.get(consoleId) ?? []), entry]);
      }
      return [...byConsole].map(([consoleId, entries]) => ({
        consoleId,
        entries: entries.length,
        problems: verifyReceivedChain(entries),
      }));
    },
  };
};
