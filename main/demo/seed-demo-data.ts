import type { Database } from 'better-sqlite3-multiple-ciphers';
import regionData from '../data/regions/jiangsu-pcas-code.json';
import { areaCodeForDivision } from '../callers/domain/area-codes';
import { insertCallerRow } from '../callers/callers-repo';
import { insertCallRow } from '../history/history-rows-repo';
import { type RegionNode, type Township, townshipsOf } from '../regions/domain/region-tree';
import { uuidv7 } from '../shared/domain/uuid-v7';
import configFile from '../data/intake/intake-config.json';
import { computeDeadline } from '../workorders/domain/deadline';
import { bundledCalendar } from '../workorders/domain/holiday-calendar';
import { intakeConfigSchema } from '../workorders/domain/intake-reference';
import type { WorkOrderStatus } from '../workorders/domain/work-order-status';
import { insertWorkOrderEvent, insertWorkOrderRow } from '../workorders/work-order-repo';
import { CHANNELS, END_CAUSES, GIVEN_NAMES, MATTERS, QUEUES, STREET_WORDS, SURNAMES } from './demo-vocabulary';
import { pick, seededRandom } from './random';
import { rememberDemoCallers } from './demo-callers';

export type SeedScale = 'county' | 'province';

export const SCALES: Readonly<
  Record<SeedScale, { callers: number; calls: number; orders: number; within: string; agents: number }>
> = {
  county: { callers: 6_000, calls: 20_000, orders: 9_000, within: '320505', agents: 40 },
  province: { callers: 300_000, calls: 1_000_000, orders: 500_000, within: '32', agents: 600 },
};

export interface SeedStats {
  readonly callers: number;
  readonly calls: number;
  readonly workOrders: number;
  readonly events: number;
}

const DAY = 24 * 3600 * 1000;
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];

const digits = (random: () => number, count: number): string => {
  let out = '';
  for (let index = 0; index < count; index += 1) out += Math.floor(random() * 10);
  return out;
};

/** Office hours carry most calls: a 12345 centre answers day and night, but not evenly. */
const callTime = (random: () => number, start: number, span: number): number => {
  const day = start + Math.floor(random() * (span / DAY)) * DAY;
  const hour = random() < 0.85 ? 8 + random() * 12 : random() * 24;
  return day + hour * 3600 * 1000;
};

const statusFor = (random: () => number, ageDays: number, direct: boolean): WorkOrderStatus => {
  const r = random();
  if (direct) return ageDays > 7 ? (r < 0.5 ? 'archived' : 'visited') : 'resolved';
  if (ageDays > 30) return r < 0.1 ? 'resolved' : r < 0.4 ? 'visited' : 'archived';
  if (ageDays > 7) return r < 0.1 ? 'dispatched' : r < 0.25 ? 'accepted' : r < 0.65 ? 'resolved' : 'visited';
  return r < 0.1
    ? 'registered'
    : r < 0.45
      ? 'dispatched'
      : r < 0.8
        ? 'accepted'
        : r < 0.85
          ? 'returned'
          : r < 0.9
            ? 'postponed'
            : 'resolved';
};

const PROGRESS: Readonly<Record<WorkOrderStatus, readonly string[]>> = {
  registered: ['registered'],
  dispatched: ['registered', 'dispatched'],
  accepted: ['registered', 'dispatched', 'accepted'],
  returned: ['registered', 'dispatched', 'returned'],
  postponed: ['registered', 'dispatched', 'accepted', 'postponed'],
  resolved: ['registered', 'dispatched', 'accepted', 'resolved'],
  visited: ['registered', 'dispatched', 'accepted', 'resolved', 'visited'],
  archived: ['registered', 'dispatched', 'accepted', 'resolved', 'visited', 'archived'],
};
const STEP_HOURS: Readonly<Record<string, number>> = {
  registered: 0,
  dispatched: 0.2,
  accepted: 3,
  returned: 20,
  postponed: 30,
  resolved: 72,
  visited: 96,
  archived: 160,
};

/**
 * A realistic, reproducible history: callers with Jiangsu mobile and landline numbers and places,
 * a skewed number of calls each (some call weekly), work orders from half the answered calls, each
 * with the status history its age implies. Written with plain inserts in large transactions: this
 * is history from the platform, not ours to sync.
 */
export const seedDemoData = (db: Database, options: { scale: SeedScale; now: Date; seed?: number }): SeedStats => {
  const scale = SCALES[options.scale];
  const config = intakeConfigSchema.parse(configFile);
  const random = seededRandom(options.seed ?? 12345);
  const now = options.now.getTime();
  const start = now - 730 * DAY;
  const places: Township[] = townshipsOf((regionData as RegionNode[])[0] as RegionNode, scale.within);
  const agents = Array.from({ length: scale.agents }, (_, index) => `A${String(index + 1).padStart(4, '0')}`);

  const callers: { id: string; key: string; place: Township; confidential: boolean; name: string | null }[] = [];
  const usedKeys = new Set<string>();
  db.transaction(() => {
    while (callers.length < scale.callers) {
      const place = pick(random, places);
      const landline = random() < 0.22;
      const key = landline
        ? `${areaCodeForDivision(place.cityCode) ?? '025'}${5 + Math.floor(random() * 4)}${digits(random, 7)}`
        : `${pick(random, MOBILE_PREFIXES)}${digits(random, 8)}`;
      if (usedKeys.has(key)) continue;
      usedKeys.add(key);
      const created = start + random() * 700 * DAY;
      const tags: string[] = [];
      if (random() < 0.03) tags.push('特殊关爱');
      if (random() < 0.015) tags.push('疑似骚扰');
      const caller = {
        id: uuidv7(created),
        key,
        place,
        confidential: random() < 0.02,
        name: random() < 0.6 ? `${pick(random, SURNAMES)}${pick(random, GIVEN_NAMES)}` : null,
      };
      if (callers.length < scale.callers * 0.01) tags.push('重复来电'); // the heaviest callers, see the skew below
      callers.push(caller);
      insertCallerRow(db, {
        id: caller.id,
        numberKey: key,
        numberKind: landline ? 'landline' : 'mobile',
        name: caller.name,
        tags,
        confidential: caller.confidential,
        regionCode: place.code,
        createdAt: new Date(created).toISOString(),
      });
    }
  })();

  const orderChance = scale.orders / (scale.calls * 0.9);
  const sequences = new Map<string, number>();
  let calls = 0;
  let workOrders = 0;
  let events = 0;

  const writeOrder = (caller: (typeof callers)[number], createdMs: number, channel: string): string => {
    const matter = pick(random, MATTERS);
    const direct = matter.requestType === '咨询' && random() < 0.7;
    const ageDays = (now - createdMs) / DAY;
    const status = statusFor(random, ageDays, direct);
    const created = new Date(createdMs);
    const dateKey = created.toISOString().slice(0, 10).replace(/-/g, '');
    const county = caller.place.countyCode;
    const sequence = (sequences.get(county + dateKey) ?? 0) + 1;
    sequences.set(county + dateKey, sequence);
    const street = `${pick(random, STREET_WORDS)}${1 + Math.floor(random() * 300)}号`;
    const id = uuidv7(createdMs);
    const agent = pick(random, agents);
    insertWorkOrderRow(db, {
      id,
      number: `${county}${dateKey}${String(sequence).padStart(5, '0')}`,
      channel,
      callerId: caller.id,
      contactName: caller.name,
      contactNumber: caller.key,
      requestType: matter.requestType,
      categoryCode: matter.categoryCode,
      regionCode: caller.place.code,
      address: `${caller.place.cityName}${caller.place.countyName}${caller.place.name}${street}`,
      title: matter.title,
      content: matter.content.replace('{place}', `${caller.place.name}${street}`),
      urgency: random() < 0.05 ? 'urgent' : 'normal',
      handlingMode: direct ? 'direct' : 'dispatch',
      leadDepartment: direct ? null : matter.department,
      coDepartments: [],
      reply: direct ? '已按政策口径答复来电人，来电人表示清楚。' : null,
      deadlineAt: computeDeadline(
        { createdAt: created, requestType: matter.requestType, categoryCode: matter.categoryCode, urgency: 'normal' },
        config,
        bundledCalendar,
      ).deadlineAt,
      status,
      duplicateOf: null,
      confidential: caller.confidential,
      createdBy: agent,
      createdAt: created.toISOString(),
    });
    for (const kind of direct
      ? PROGRESS[status].filter((step) => !['dispatched', 'accepted'].includes(step))
      : PROGRESS[status]) {
      const at = Math.min(now - 60_000, createdMs + (STEP_HOURS[kind] ?? 0) * 3600 * 1000);
      insertWorkOrderEvent(db, {
        id: uuidv7(at),
        workOrderId: id,
        kind,
        at: new Date(at).toISOString(),
        actor: kind === 'registered' ? agent : matter.department,
        note: null,
      });
      events += 1;
    }
    workOrders += 1;
    return id;
  };

  const BATCH = 50_000;
  while (calls < scale.calls) {
    db.transaction(() => {
      const end = Math.min(scale.calls, calls + BATCH);
      for (; calls < end; calls += 1) {
        // r² skews towards the first callers: a few call often, most call once or twice.
        const caller = callers[Math.floor(random() * random() * callers.length)]!;
        const ring = callTime(random, start, now - start - DAY);
        const answered = random() < 0.92;
        const answerMs = answered ? ring + 3000 + random() * 30_000 : null;
        const endMs = answerMs ? answerMs + 30_000 + random() * 570_000 : ring + 5000 + random() * 40_000;
        const orderId =
          answered && workOrders < scale.orders && random() < orderChance ? writeOrder(caller, endMs + 60_000, '电话') : null;
        insertCallRow(db, {
          id: uuidv7(ring),
          sipCallId: `${digits(random, 12)}@pbx.demo`,
          direction: random() < 0.95 ? 'inbound' : 'outbound',
          callerId: caller.id,
          remoteNumber: caller.key,
          localNumber: '12345',
          queue: pick(random, QUEUES),
          agentId: answered ? pick(random, agents) : null,
          ringAt: new Date(ring).toISOString(),
          answerAt: answerMs ? new Date(answerMs).toISOString() : null,
          endAt: new Date(endMs).toISOString(),
          endCause: answered ? pick(random, END_CAUSES) : 'abandoned',
          transferTarget: null,
          workOrderId: orderId,
        });
      }
    })();
  }
  // Orders from web, WeChat and the city app have no call.
  db.transaction(() => {
    while (workOrders < scale.orders) {
      const caller = callers[Math.floor(random() * callers.length)]!;
      writeOrder(
        caller,
        start + random() * (now - start - DAY),
        pick(
          random,
          CHANNELS.filter((channel) => channel !== '电话'),
        ),
      );
    }
  })();
  rememberDemoCallers(db, new Date(now).toISOString());
  return { callers: callers.length, calls, workOrders, events };
};
