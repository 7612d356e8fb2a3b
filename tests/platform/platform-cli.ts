// The reference platform as a process: `npm run platform [-- --port 5740 --db FILE --no-demo]`; the
// wallboard's settings: --answer-within 15 --short-abandon 5 --window-hours 12 --service-level-target 0.95.
// Prints `MINSHENG_PLATFORM_URL <url>` once listening, so scripts and tests can find it.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CENTRE, DEMO_DEPARTMENT, DEMO_PASSWORD, seedPlatformDemo } from './platform-demo';
import { startPlatformServer } from './platform-server';
import { openPlatformStore } from './platform-store';
import { kamailioAcd } from './acd/kamailio-acd';
import { hallSettingsFromArgs } from './hall/hall-settings-args';
import { LAB_ACD_EVENTS_PORT, LAB_HOST, LAB_RPC_URL } from '../pbx-lab/lab';

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
    `demo data: agents A0001–A0040 (一组 A0001–A0020, 二组 the rest), leads L0001 and L0002, admin M0001, department account ${DEMO_DEPARTMENT}, password ${DEMO_PASSWORD}, centre ${DEMO_CENTRE}`,
  );
}
// --acd kamailio: the demo centre's queue is the PBX lab's (tests/pbx-lab), its events feed the wallboard.
const acd =
  option('acd') === 'kamailio'
    ? { centre: DEMO_CENTRE, acd: kamailioAcd({ rpcUrl: LAB_RPC_URL, events: { host: LAB_HOST, port: LAB_ACD_EVENTS_PORT } }) }
    : undefined;
const hallSettings = hallSettingsFromArgs(option);
if ('error' in hallSettings) {
  console.error(hallSettings.error);
  process.exit(2);
}
// --monitor-notice hidden: agents are not shown that a lead listens (whisper still shows 班长指导中).
const monitorNotice = option('monitor-notice') ?? 'discreet';
if (monitorNotice !== 'discreet' && monitorNotice !== 'hidden') {
  console.error(`invalid --monitor-notice ${monitorNotice}: discreet or hidden`);
  process.exit(2);
}
const server = await startPlatformServer(store, {
  port: Number(option('port') ?? 5740),
  hallSettings,
  monitorNotice,
  ...(acd ? { acd } : {}),
});
console.log(`MINSHENG_PLATFORM_URL ${server.url}`);
const stop = (): void => {
  void server.close().then(() => {
    store.close();
    void acd?.acd.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
