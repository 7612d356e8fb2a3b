import { OPEN_STATUSES, WORK_ORDER_EVENT_KINDS, WORK_ORDER_STATUSES } from '../../workorders/domain/work-order-status';
import type { Migration } from './migration';

const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * The offline store of the whole product: callers, calls, work orders and their history, the outbox
 * the sync engine drains, and the append-only audit log. Times are ISO-8601 UTC text, which sorts
 * correctly; ids are client-generated UUIDv7 so records can be created offline.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'callers-calls-work-orders-outbox-audit',
  up: (db) => {
    db.exec(`
      CREATE TABLE callers (
        id           TEXT PRIMARY KEY,
        number_key   TEXT NOT NULL UNIQUE,
        number_kind  TEXT NOT NULL CHECK (number_kind IN ('mobile', 'landline', 'service', 'international')),
        name         TEXT,
        tags_json    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_json)),
        confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
        region_code  TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE work_orders (
        id                  TEXT PRIMARY KEY,
        number              TEXT NOT NULL UNIQUE,
        channel             TEXT NOT NULL,
        caller_id           TEXT REFERENCES callers(id),
        contact_name        TEXT,
        contact_number      TEXT,
        request_type        TEXT NOT NULL,
        category_code       TEXT,
        region_code         TEXT,
        address             TEXT,
        title               TEXT NOT NULL,
        content             TEXT NOT NULL,
        urgency             TEXT NOT NULL DEFAULT 'normal',
        handling_mode       TEXT NOT NULL CHECK (handling_mode IN ('direct', 'dispatch')),
        lead_department     TEXT,
        co_departments_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(co_departments_json)),
        reply               TEXT,
        deadline_at         TEXT,
        status              TEXT NOT NULL CHECK (status IN (${sqlList(WORK_ORDER_STATUSES)})),
        duplicate_of        TEXT REFERENCES work_orders(id),
        confidential        INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        created_by          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX work_orders_by_caller ON work_orders (caller_id, created_at DESC);
      CREATE INDEX work_orders_open_by_caller ON work_orders (caller_id, deadline_at)
        WHERE status IN (${sqlList(OPEN_STATUSES)});
      CREATE INDEX work_orders_open_by_place ON work_orders (region_code, category_code, created_at)
        WHERE status IN (${sqlList(OPEN_STATUSES)});

      CREATE TABLE work_order_events (
        id            TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        kind          TEXT NOT NULL CHECK (kind IN (${sqlList(WORK_ORDER_EVENT_KINDS)})),
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        note          TEXT
      ) STRICT;
      CREATE INDEX work_order_events_by_order ON work_order_events (work_order_id, at);

      CREATE TABLE calls (
        id              TEXT PRIMARY KEY,
        sip_call_id     TEXT,
        direction       TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        caller_id       TEXT REFERENCES callers(id),
        remote_number   TEXT,
        local_number    TEXT,
        queue           TEXT,
        agent_id        TEXT,
        ring_at         TEXT NOT NULL,
        answer_at       TEXT,
        end_at          TEXT,
        end_cause       TEXT,
        transfer_target TEXT,
        work_order_id   TEXT REFERENCES work_orders(id),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX calls_by_caller ON calls (caller_id, ring_at DESC);
      CREATE INDEX calls_by_sip_call_id ON calls (sip_call_id);

      -- Written in the same transaction as the record it carries; the sync engine drains it in seq order.
      CREATE TABLE outbox (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id      TEXT NOT NULL UNIQUE,
        stream       TEXT NOT NULL,
        record_id    TEXT NOT NULL,
        op           TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
        created_at   TEXT NOT NULL,
        state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'quarantined')),
        attempts     INTEGER NOT NULL DEFAULT 0,
        last_error   TEXT,
        acked_at     TEXT
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, seq);
      CREATE INDEX outbox_by_record ON outbox (record_id, seq);

      CREATE TABLE audit_log (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        id            TEXT NOT NULL UNIQUE,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        caller_id     TEXT,
        work_order_id TEXT,
        screen        TEXT NOT NULL,
        detail        TEXT
      ) STRICT;
      CREATE INDEX audit_log_by_caller ON audit_log (caller_id, at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
