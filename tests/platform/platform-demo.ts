import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lexicon from '../../main/data/kb/lexicon.json';
import { openDatabase } from '../../main/db/open-database';
import { seedDemoData } from '../../main/demo/seed-demo-data';
import { bundledYears } from '../../main/workorders/domain/holiday-calendar';
import { bundledCatalogue } from '../../main/workorders/domain/catalogue-schema';
import type { PlatformStore } from './platform-store';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const DEMO_CENTRE = '320505';
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_DEPARTMENT = 'D0001';

/**
 * The platform's demo data, the same the console's own demo shows: agents of one centre, the real
 * government service items and synonyms, the holiday calendars, and the county history as work orders.
 */
export const DEMO_TEAMS = ['一组', '二组'] as const;

export const seedPlatformDemo = (store: PlatformStore, options: { history: boolean }): { agents: string[] } => {
  const agents = Array.from({ length: 40 }, (_, index) => `A${String(index + 1).padStart(4, '0')}`);
  // Two teams of twenty, a lead for each, and the centre's admin, who sees both.
  for (const [index, agent] of agents.entries())
    store.addAgent(agent, DEMO_PASSWORD, DEMO_CENTRE, 'agent', index < 20 ? DEMO_TEAMS[0] : DEMO_TEAMS[1]);
  store.addAgent('L0001', DEMO_PASSWORD, DEMO_CENTRE, 'lead', DEMO_TEAMS[0]);
  store.addAgent('L0002', DEMO_PASSWORD, DEMO_CENTRE, 'lead', DEMO_TEAMS[1]);
  store.addAgent('M0001', DEMO_PASSWORD, DEMO_CENTRE, 'admin');
  // The departments' side of the demo: one account that signs for, postpones and resolves orders.
  store.addAgent(DEMO_DEPARTMENT, DEMO_PASSWORD, DEMO_CENTRE, 'department');

  const entries = readFileSync(join(root, 'main/data/kb/gov-service-items.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; version: number });
  store.publishSharedBatch(
    entries.map((entry) => ({ stream: 'kb_entries', id: entry.id, op: 'upsert', version: entry.version, data: entry })),
  );
  store.publishShared('kb_synonyms', 'default', 'upsert', lexicon.version, { groups: lexicon.groups });
  for (const year of bundledYears) store.publishShared('holidays', String(year.year), 'upsert', 1, year);
  store.publishShared('catalogue', 'default', 'upsert', bundledCatalogue.version, bundledCatalogue);

  if (options.history) {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-platform-demo-'));
    const { db } = openDatabase({ file: join(dir, 'history.sqlite') });
    seedDemoData(db, { scale: 'county', now: new Date() });
    const orders = db.prepare('SELECT * FROM work_orders').all() as Record<string, unknown>[];
    const callers = new Map((db.prepare('SELECT * FROM callers').all() as Record<string, unknown>[]).map((row) => [row.id, row]));
    const events = db.prepare('SELECT * FROM work_order_events ORDER BY at').all() as Record<string, unknown>[];
    const eventsByOrder = new Map<unknown, Record<string, unknown>[]>();
    for (const event of events)
      eventsByOrder.set(event.work_order_id, [...(eventsByOrder.get(event.work_order_id) ?? []), event]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    for (const order of orders) {
      const caller = callers.get(order.caller_id);
      store.publishCentreOrder(DEMO_CENTRE, String(order.id), {
        order: {
          id: order.id,
          number: order.number,
          channel: order.channel,
          callerId: order.caller_id,
          contactName: order.contact_name,
          contactNumber: order.contact_number,
          requestType: order.request_type,
          categoryCode: order.category_code,
          regionCode: order.region_code,
          address: order.address,
          title: order.title,
          content: order.content,
          urgency: order.urgency,
          handlingMode: order.handling_mode,
          leadDepartment: order.lead_department,
          coDepartments: JSON.parse(String(order.co_departments_json)) as string[],
          reply: order.reply,
          deadlineAt: order.deadline_at,
          status: order.status,
          duplicateOf: order.duplicate_of,
          confidential: order.confidential === 1,
          createdBy: order.created_by,
          createdAt: order.created_at,
        },
        caller: caller
          ? {
              id: caller.id,
              numberKey: caller.number_key,
              numberKind: caller.number_kind,
              name: caller.name,
              tags: JSON.parse(String(caller.tags_json)) as string[],
              confidential: caller.confidential === 1,
              regionCode: caller.region_code,
              createdAt: caller.created_at,
            }
          : null,
        events: (eventsByOrder.get(order.id) ?? []).map((event) => ({
          id: event.id,
          kind: event.kind,
          at: event.at,
          actor: event.actor,
          note: event.note,
        })),
      });
    }
  }
  return { agents };
};
