/** The life of a work order (受理 → 派单 → 签收 → 办理 → 办结 → 回访 → 归档), as stored codes. */
export const WORK_ORDER_STATUSES = [
  'registered',
  'dispatched',
  'accepted',
  'returned',
  'postponed',
  'resolved',
  'visited',
  'archived',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Open: the citizen is still waiting for the hotline or a department to act. */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = ['registered', 'dispatched', 'accepted', 'returned', 'postponed'];

/** Closed (办结, 回访, 归档): what retention may clear once the platform has it. Fixed in migration 0013's index. */
export const CLOSED_STATUSES: readonly WorkOrderStatus[] = ['resolved', 'visited', 'archived'];

export const WORK_ORDER_EVENT_KINDS = [
  'registered',
  'dispatched',
  'accepted',
  'returned',
  'postponed',
  'urged',
  'supervised',
  'resolved',
  'visited',
  'archived',
] as const;
export type WorkOrderEventKind = (typeof WORK_ORDER_EVENT_KINDS)[number];

export const HANDLING_MODES = ['direct', 'dispatch'] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];
