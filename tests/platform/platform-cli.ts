// The reference platform as a process: `npm run platform [-- --port 5740 --db FILE --no-demo]`.
// Prints `MINSHENG_PLATFORM_URL <url>` once listening, so scripts and tests can find it.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CENTRE, DEMO_DEPARTMENT, DEMO_PASSWORD, seedPlatformDemo } from './platform-demo';
import { startPlatformServer } from './platform-server';
import { openPlatformStore } from './platform-store';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = fileURLToPath(new URL('../..', import.meta.url));
const file = option('db') ?? join(root, '.cache', 'platform', 'platform.sqlite');
mkdirSync(dirname(file), { recursive: true });
const fresh = !existsSync(file);
const store = openPlatformStore(file);
if (fresh && !args.includes('--no-demo')) {
  seedPlatformDemo(store, { history: !args.includes('--no-history') });
  console.log(
    `demo data: agents A0001–A0040, lead L0001 and department account ${DEMO_DEPARTMENT}, password ${DEMO_PASSWORD}, centre ${DEMO_CENTRE}`,
  );
}
const server = await startPlatformServer(store, { port: Number(option('port') ?? 5740) });
console.log(`MINSHENG_PLATFORM_URL ${server.url}`);
const stop = (): void => {
  void server.close().then(() => {
    store.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
