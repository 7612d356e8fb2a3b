import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileDatabaseKey } from '../db/encryption/key-file';
import { createLogger } from '../log/logger';
import { defaultProfileDir } from '../profile/profile-dir';
import { requestedProfileKind } from '../profile/profile-kind';
import { configuredOrigins } from '../security/csp';
import { createMemorySecretStore } from '../secrets/secret-store';
import { createDeskServices } from '../services';
import { startShellServer } from './shell-server';
import { makeProfilePrivate } from '../profile/private-profile';
import { shellTokenFor } from './shell-token';

/** Printed on its own line so scripts and tests can pick the URL out of the output. */
export const SHELL_URL_MARKER = 'MINSHENG_SHELL_URL';

declare const __APP_VERSION__: string;

const main = async (): Promise<void> => {
  const profileKind = requestedProfileKind(process.env, process.argv);
  const profileDir = defaultProfileDir(process.env, process.platform, homedir(), profileKind);
  makeProfilePrivate(profileDir);
  const log = createLogger({ file: join(profileDir, 'logs', 'desk.log') });
  const bundleDir = __dirname;
  const services = await createDeskServices({
    profileDir,
    transport: 'browser-shell',
    profileKind,
    ...(process.env.MINSHENG_TRAINING_SIP_PASSWORD ? { trainingSipPassword: process.env.MINSHENG_TRAINING_SIP_PASSWORD } : {}),
    version: __APP_VERSION__,
    log,
    databaseKey: fileDatabaseKey({ env: process.env, profileDir }),
    workerScript: join(bundleDir, '..', 'main', 'db-worker.cjs'),
    secrets: () => createMemorySecretStore(),
  });
  const token = shellTokenFor(profileDir);
  const requested = Number(process.env.MINSHENG_PORT ?? 0);
  const start = (port: number) =>
    startShellServer({
      services,
      rendererDir: join(bundleDir, '..', 'renderer'),
      log,
      port,
      connectOrigins: async () => configuredOrigins(await services.settings.current()),
      token,
    });
  // A second shell, or anything else on the preferred port, must not stop the console from starting.
  const shell = await start(Number.isInteger(requested) && requested > 0 && requested < 65536 ? requested : 0).catch(
    (error: { code?: string }) => {
      if (error.code !== 'EADDRINUSE') throw error;
      return start(0);
    },
  );
  log.info('shell.started', { port: new URL(shell.origin).port });
  process.stdout.write(`浏览器模式已启动，请在浏览器（Chromium、Edge 或 Chrome）中打开：\n${SHELL_URL_MARKER} ${shell.url}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void shell
      .close()
      .then(() => services.close())
      .finally(() => {
        log.flushSuppressed();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`民声坐席无法启动：${message}\n`);
  process.exit(1);
});
