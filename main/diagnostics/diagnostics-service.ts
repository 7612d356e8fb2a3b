import type { AppInfo, DeskHandlers } from '../../preload/contract';
import type { DbClient } from '../db/db-client';
import type { Logger } from '../log/logger';
import type { SettingsService } from '../settings/settings-service';
import type { SyncService } from '../sync/sync-service';
import { buildDiagnosticsBundle } from './diagnostics-bundle';

export type DiagnosticsService = DeskHandlers['diagnostics'];

/** What IT asks for when something is wrong on a PC, packed so that it may leave the PC. */
export const createDiagnosticsService = (deps: {
  readonly db: DbClient;
  readonly settings: SettingsService;
  readonly sync: Pick<SyncService, 'status'>;
  readonly info: () => AppInfo;
  readonly log: Logger;
}): DiagnosticsService => ({
  export: async () => {
    const { db, settings, sync, info, log } = deps;
    const [personalValues, tableCounts, audit, configured, syncStatus] = await Promise.all([
      db.repos.diagnostics.personalValues(),
      db.repos.diagnostics.tableCounts(),
      db.repos.audit.verify(),
      settings.current(),
      sync.status(undefined, { transport: 'test', origin: 'diagnostics://' }),
    ]);
    const app = info();
    const bundle = buildDiagnosticsBundle({
      profileDir: app.profileDir,
      versions: {
        app: app.version,
        transport: app.transport,
        platform: app.platform,
        arch: process.arch,
        runtime: process.versions,
      },
      settings: { ...configured, displayName: configured.displayName ? '[已隐去]' : '' },
      database: {
        schemaVersion: app.schemaVersion,
        profileKind: app.profileKind,
        encrypted: true,
        rows: tableCounts,
        auditChain: { entries: audit.entries, problems: audit.problems.length },
      },
      sync: syncStatus,
      personalValues,
    });
    await db.repos.audit.append({
      actor: configured.agentId || 'unconfigured',
      action: 'export_diagnostics',
      screen: 'settings',
      detail: `${bundle.files.length} files, ${bundle.redactions} redactions`,
      at: new Date().toISOString(),
    });
    log.info('diagnostics.exported', { files: bundle.files.length, redactions: bundle.redactions, bytes: bundle.zip.length });
    return {
      fileName: bundle.fileName,
      zipBase64: bundle.zip.toString('base64'),
      files: bundle.files,
      redactions: bundle.redactions,
    };
  },
});
