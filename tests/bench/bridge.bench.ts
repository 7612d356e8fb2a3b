// Suite `bridge`: what every feature pays to cross from the renderer to main: opening the profile
// (worker start, migrations) and a contract round trip over the browser shell's WebSocket.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { createLogger } from '../../main/log/logger';
import { startShellServer } from '../../main/shell/shell-server';
import { startTestServices } from '../harness/test-services';
import buildTestWorker from '../harness/build-test-worker';
import { percentile, report } from './bench-output';

// The tests' database worker: a bench may run before any test has bundled it.
await buildTestWorker();

const ROUND_TRIPS = 2_000;
const profile = mkdtempSync(join(tmpdir(), 'minsheng-bench-'));
const rendererDir = join(profile, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');

const openStarted = performance.now();
const services = await startTestServices(profile);
report('bridge.profile_open_ms', performance.now() - openStarted, 'ms');

const shell = await startShellServer({ services, rendererDir, log: createLogger({}), connectOrigins: async () => [] });
const socket = new WebSocket(`${shell.origin.replace('http', 'ws')}/desk-socket?token=${shell.token}`, {
  headers: { origin: shell.origin },
});
await new Promise((resolve) => socket.once('open', resolve));

const waiting = new Map<number, () => void>();
socket.on('message', (data) => waiting.get((JSON.parse(data.toString()) as { id: number }).id)?.());
const roundTrip = (id: number, method: string, input?: unknown): Promise<number> => {
  const started = performance.now();
  return new Promise((resolve) => {
    waiting.set(id, () => resolve(performance.now() - started));
    socket.send(JSON.stringify({ kind: 'call', id, method, input }));
  });
};

const settings = {
  pbxServers: ['wss://pbx.example/ws'],
  sipExtension: '8001',
  sipAuthUser: '',
  displayName: '',
  platformUrl: '',
  centreCode: '',
  agentId: '',
};
const reads: number[] = [];
const writes: number[] = [];
for (let i = 0; i < ROUND_TRIPS; i += 1) reads.push(await roundTrip(i, 'settings.get'));
for (let i = 0; i < ROUND_TRIPS / 4; i += 1) writes.push(await roundTrip(ROUND_TRIPS + i, 'settings.save', settings));
report('bridge.read.p50_ms', percentile(reads, 50), 'ms');
report('bridge.read.p95_ms', percentile(reads, 95), 'ms');
report('bridge.write.p50_ms', percentile(writes, 50), 'ms');
report('bridge.write.p95_ms', percentile(writes, 95), 'ms');

socket.close();
await shell.close();
await services.close();
rmSync(profile, { recursive: true, force: true });
