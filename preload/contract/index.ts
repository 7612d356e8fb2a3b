/**
 * The single source of truth for main <-> renderer. Main registers one handler per method from
 * this object, preload exposes exactly these methods on `window.desk`, the browser shell carries
 * them over its WebSocket, and the renderer imports only the types.
 */
import { appContract } from './app-contract';
import { diagnosticsContract } from './diagnostics-contract';
import { headsetContract, headsetRequestSchema, headsetStatusSchema } from './headset-contract';
import { helpContract, helpRequestSchema } from './help-contract';
import { historyContract, ordersChangedSchema } from './history-contract';
import { intakeContract } from './intake-contract';
import { internetChangedSchema, internetContract } from './internet-contract';
import { kbContract, kbImportProgressSchema } from './kb-contract';
import { leadContract, wallboardDeltaSchema } from './lead-contract';
import { lockContract } from './lock-contract';
import { monitorContract } from './monitor-contract';
import type { ContractSpec, DeskApiOf, EventsSpec, HandlersOf, MethodPath } from './define';
import { phoneContract } from './phone-contract';
import { settingsContract, settingsViewSchema } from './settings-contract';
import { syncContract, syncStatusSchema } from './sync-contract';
import { trainingContract } from './training-contract';

export const contract = {
  app: appContract,
  diagnostics: diagnosticsContract,
  headset: headsetContract,
  help: helpContract,
  history: historyContract,
  intake: intakeContract,
  internet: internetContract,
  kb: kbContract,
  lead: leadContract,
  lock: lockContract,
  monitor: monitorContract,
  phone: phoneContract,
  settings: settingsContract,
  sync: syncContract,
  training: trainingContract,
} as const satisfies ContractSpec;

export const events = {
  'settings.changed': settingsViewSchema,
  'kb.importProgress': kbImportProgressSchema,
  'sync.status': syncStatusSchema,
  'headset.status': headsetStatusSchema,
  /** A headset button the console acts on as if the agent clicked (answer, hang up, mute, hold). */
  'headset.request': headsetRequestSchema,
  /** A sync brought changes to these callers' orders (a department's step): a panel showing one looks again. */
  'history.ordersChanged': ordersChangedSchema,
  /** The platform said the 网络诉求 queue changed: a new request, an answer, another agent took one. */
  'internet.changed': internetChangedSchema,
  /** What an event changed on the hall's wallboard (leads and admins only). */
  'lead.wallboard': wallboardDeltaSchema,
  /** This agent's help request changed: raised here, or the lead acknowledged or resolved it. */
  'help.changed': helpRequestSchema,
} as const satisfies EventsSpec;

export type Contract = typeof contract;
export type Events = typeof events;
export type EventName = keyof Events & string;
export type DeskApi = DeskApiOf<Contract, Events>;
export type DeskHandlers = HandlersOf<Contract>;
export type DeskMethodPath = MethodPath<Contract>;

/** Electron IPC channels: one for calls, one for events; the method travels as data. */
export const INVOKE_CHANNEL = 'minsheng-desk:invoke';
export const EVENT_CHANNEL = 'minsheng-desk:event';

export const methodPaths = (): DeskMethodPath[] =>
  Object.entries(contract).flatMap(([namespace, methods]) =>
    Object.keys(methods).map((name) => `${namespace}.${name}` as DeskMethodPath),
  );

export type { CallContext, Unsubscribe } from './define';
export type { AppInfo } from './app-contract';
export type { DiagnosticsBundleView } from './diagnostics-contract';
export type { CallLights, HeadsetRequest, HeadsetStatus } from './headset-contract';
export type { CallSummary, LifecycleStepView, OrderSummary, ScreenPop, WorkOrderDetail } from './history-contract';
export { SATISFACTION_CHOICES } from './history-contract';
export type { SyncStatusView } from './sync-contract';
export type { HelpRequest, HelpStatus } from './help-contract';
export type { InternetItemView, InternetQueueView } from './internet-contract';
export type {
  AgentFigures,
  HallAgent,
  HallBucket,
  HallSettings,
  QueueTile,
  WallboardDelta,
  WallboardSnapshot,
  WallboardView,
} from './lead-contract';
export type { ScoreCardView, TrainingReportView } from './training-contract';
export type { KbEntryDetail, KbHit, KbImportProgress, KbImportReport, KbLearnedAlias } from './kb-contract';
export type { DuplicateCandidate, IntakeDraft, IntakeForm, IntakePreview, PickerItem, ReferenceData } from './intake-contract';
export type {
  AgentStateChange,
  CallPurpose,
  CallRecord,
  EndCause,
  PhoneAccount,
  PhoneAction,
  PhonePreferences,
  RecentCall,
} from './phone-contract';
export type { LockStatus, UnlockResult } from './lock-contract';
export type { SecretStorageStatus, Settings, SettingsView } from './settings-contract';
export * from './result';
