import { databaseFile } from './profile/database-file';
import type { AppInfo, DeskHandlers } from '../preload/contract';
import { type DbClient, openDbClient } from './db/db-client';
import type { DatabaseKeySource } from './db/encryption/database-key';
import { createHelpService } from './help/help-service';
import { createHistoryService } from './history/history-service';
import { createInternetService } from './internet/internet-service';
import { createLeadService, forwardWallboardDelta } from './lead/lead-service';
import { bundledCatalogue, dataCatalogueSchema } from './workorders/domain/catalogue-schema';
import type { DataCatalogue } from './workorders/domain/data-catalogue';
import { createRetentionService } from './retention/retention-service';
import { createSealingService } from './fields/sealing-service';
import { createDiagnosticsService } from './diagnostics/diagnostics-service';
import { createLockService } from './lock/lock-service';
import { createMonitorService } from './monitor/monitor-service';
import { type Dispatch, createDispatcher } from './ipc/dispatcher';
import { createPhoneService } from './phone/phone-service';
import { type SyncService, createSyncService } from './sync/sync-service';
import { type ChooseFile, type KbService, createKbService } from './kb/kb-service';
import { chooseHidBackend, createHeadsetService } from './headset/headset-service';
import { type EventBus, createEventBus } from './shared/event-bus';
import type { Logger } from './log/logger';
import type { SecretStore } from './secrets/secret-store';
import { type SettingsService, createSettingsService } from './settings/settings-service';
import { type HolidayYear, bundledCalendar, calendarWithSynced } from './workorders/domain/holiday-calendar';
import { type IntakeReference, loadIntakeReference } from './workorders/intake-reference-data';
import { createIntakeService } from './workorders/intake-service';
import { type ProfileKind, ProfileKindMismatch } from './profile/profile-kind';
import { createTrainingService, seedTrainingPersonas } from './training/training-service';
import { bundledScenarios } from './training/training-scenarios';

/** More callers than this in one pulled page is a catch-up, not news for the call on screen. */
const ORDERS_CHANGED_MAX_CALLERS = 200;

export interface DeskServices {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly db: DbClient;
  readonly info: AppInfo;
  readonly settings: SettingsService;
  readonly sync: SyncService;
  /** Imports that do not fit a contract call: the browser shell's upload, tests and benchmarks by path. */
  readonly kb: Pick<KbService, 'importFile' | 'importSource'>;
  close(): Promise<void>;
}

export interface DeskServicesOptions {
  readonly profileDir: string;
  readonly transport: AppInfo['transport'];
  /** What the console was started as; a profile keeps the kind it was made with. */
  readonly profileKind?: ProfileKind;
  /**
   * The lab's extension password for a training profile (`npm run demo` passes it, from
   * MINSHENG_TRAINING_SIP_PASSWORD); a production profile never takes a password from outside.
   */
  readonly trainingSipPassword?: string;
  readonly version: string;
  readonly log: Logger;
  readonly workerScript: string | URL;
  readonly workerArgv?: string[];
  readonly nativeBinding?: string;
  /** The profile database's key: wrapped by the OS keychain in the app, from a file or the environment in the shell. */
  readonly databaseKey: DatabaseKeySource;
  /** Electron passes a safeStorage-backed store built on this db; the shell a memory store. */
  readonly secrets: (db: DbClient) => SecretStore;
  /** Sync timing (tests shorten it). */
  readonly sync?: { pollMs?: number; timeoutMs?: number; backoff?: { baseMs: number; maxMs: number } };
  /** Electron's open-file dialog for the encyclopedia import. */
  readonly chooseKbFile?: ChooseFile;
  /** The HID stack for headsets; by default from the environment (see chooseHidBackend). */
  readonly headsetBackend?: () => ReturnType<typeof chooseHidBackend>;
}

/**
 * The main-side services, the same for Electron and the browser shell: only the transport in front
 * of `dispatch` and the secret store differ.
 */
export const createDeskServices = async (options: DeskServicesOptions): Promise<DeskServices> => {
  const { log } = options;
  const db = await openDbClient({
    file: databaseFile(options.profileDir),
    key: await options.databaseKey(),
    workerScript: options.workerScript,
    ...(options.workerArgv ? { workerArgv: options.workerArgv } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    onSlowCall: (call) =>
      log.warn('db.slow', {
        repo: call.repo,
        op: call.op,
        connection: call.connection,
        totalMs: Math.round(call.totalMs),
        runMs: Math.round(call.runMs),
      }),
  });
  const wantedKind = options.profileKind ?? 'production';
  const profileKind = await db.repos.training.claimProfileKind(wantedKind);
  if (profileKind !== wantedKind) {
    await db.close();
    throw new ProfileKindMismatch(options.profileDir, profileKind);
  }
  const events = createEventBus((error) => log.error('events.listener-failed', { error: String(error) }));
  const secrets = options.secrets(db);
  if (profileKind === 'training' && options.trainingSipPassword) {
    // Where secrets cannot be kept (Linux without a keyring) the trainee types the password in 设置.
    await secrets
      .set('sipPassword', options.trainingSipPassword)
      .catch((error: unknown) => log.warn('training.password-not-kept', { error: String(error).slice(0, 120) }));
  }
  const settings = createSettingsService({ db, secrets, events, log });
  let calendar = bundledCalendar;
  // Holiday calendars for later years arrive by sync; the deadline calculator uses them at once.
  const reloadCalendar = async (): Promise<void> => {
    calendar = calendarWithSynced((await db.repos.pull.holidayYears()) as HolidayYear[]);
  };
  await reloadCalendar();
  // The data catalogue: the platform's once it sent one that is valid and not older than the bundled one.
  let catalogue: DataCatalogue = bundledCatalogue;
  const reloadCatalogue = async (): Promise<void> => {
    const synced = dataCatalogueSchema.safeParse(await db.repos.pull.catalogue());
    catalogue = synced.success && synced.data.version >= bundledCatalogue.version ? synced.data : bundledCatalogue;
  };
  await reloadCatalogue();
  const lock = createLockService({ db, settings, log });
  const sync = createSyncService({
    db,
    settings,
    secrets,
    events,
    log,
    ...(options.sync ?? {}),
    onPulled: (stream, callerIds) => {
      if (stream === 'holidays') void reloadCalendar();
      if (stream === 'catalogue') void reloadCatalogue();
      // A page of a catch-up pull names thousands: no call on screen waits for those, so it says nothing.
      if (stream === 'work_orders' && callerIds.length > 0 && callerIds.length <= ORDERS_CHANGED_MAX_CALLERS)
        events.emit('history.ordersChanged', { callerIds: [...callerIds] });
    },
    onSignedIn: (password) => lock.rememberPlatformPassword(password),
    onInternetItemsChanged: () => events.emit('internet.changed', {}),
    onWallboardDelta: forwardWallboardDelta(events, log),
    onHelpAnswer: (request) => help.answerReceived(request),
    onLiveUp: () =>
      void help.refresh().catch((error: unknown) => log.warn('help.refresh-failed', { error: String(error).slice(0, 120) })),
  });
  const help = createHelpService({ db, settings, sync, events, log });
  const headset = createHeadsetService({
    db,
    events,
    log,
    backend: options.headsetBackend ?? (() => chooseHidBackend(process.env)),
  });
  let reference: IntakeReference | null = null;
  const intakeReference = () => (reference ??= loadIntakeReference());
  const intake = createIntakeService({
    db,
    settings,
    log,
    reference: intakeReference,
    calendar: () => calendar,
    catalogue: () => catalogue,
  });
  const history = createHistoryService({
    db,
    settings,
    log,
    enterpriseModes: () => intakeReference().config.enterpriseModes,
    lifecycleClocks: () => intakeReference().config.lifecycleClocks,
    calendar: () => calendar,
  });
  const training = createTrainingService({
    db,
    log,
    scenarios: bundledScenarios,
    reference: intakeReference,
    calendar: () => calendar,
  });
  const kb = createKbService({
    db,
    settings,
    events,
    log,
    ...(options.chooseKbFile ? { chooseFile: options.chooseKbFile } : {}),
  });
  const info: AppInfo = {
    version: options.version,
    transport: options.transport,
    profileDir: options.profileDir,
    platform: process.platform,
    schemaVersion: db.schemaVersion,
    profileKind,
  };
  // Each service is its contract namespace: the dispatcher reaches only the contract's methods.
  const handlers: DeskHandlers = {
    app: { info: () => info },
    diagnostics: createDiagnosticsService({ db, settings, sync, info: () => info, log }),
    headset,
    help: help.handlers,
    history,
    intake,
    internet: createInternetService({ db, sync, reference: intakeReference, settings, catalogue: () => catalogue, log }),
    kb,
    lead: createLeadService({ sync, db, settings, log }),
    lock,
    monitor: createMonitorService({ db, settings, sync, log }),
    phone: createPhoneService({ db, settings, secrets, log }),
    sync,
    settings,
    training,
  };
  // Every operation that queued outbox rows nudges sync, whichever service did it.
  db.onOutboxWritten(() => sync.nudge());
  // A training profile never talks to the platform: its outbox stays empty (training-repo) and sync never starts.
  const retention = createRetentionService({ db, settings, log });
  // SM4 field encryption (a centre setting): existing rows are converted after start and after each change of it.
  const sealing = createSealingService({ db, log });
  const convertFields = (): void =>
    void sealing.convert().catch((error: unknown) => log.warn('fields.convert-failed', { error: String(error).slice(0, 120) }));
  let fieldCipher = (await settings.current()).fieldCipher;
  events.subscribe((event, payload) => {
    if (event !== 'settings.changed') return;
    const next = (payload as { settings: { fieldCipher: typeof fieldCipher } }).settings.fieldCipher;
    if (next !== fieldCipher) convertFields();
    fieldCipher = next;
  });
  convertFields();
  if (profileKind === 'production') {
    await sync.start();
    // A training profile's orders are simulated and never reach a platform: retention has nothing to wait for.
    retention.start();
  } else {
    const seeded = await seedTrainingPersonas({ db, scenarios: bundledScenarios(), reference: intakeReference(), calendar });
    if (seeded > 0) log.info('training.personas-seeded', { count: seeded });
  }
  // The headset is looked for in the background: a slow or missing HID stack never delays the console.
  void headset.start().catch((error: unknown) => log.warn('headset.start-failed', { error: String(error).slice(0, 120) }));
  return {
    dispatch: createDispatcher(handlers, log),
    events,
    db,
    info,
    settings,
    sync,
    kb,
    close: async () => {
      retention.stop();
      await headset.stop();
      await sync.stop();
      await db.close();
    },
  };
};
