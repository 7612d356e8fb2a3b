/**
 * The test PBX: Kamailio (registrar + proxy, SIP over UDP/WS/WSS, digest auth) and rtpengine
 * (userspace; bridges WebRTC DTLS-SRTP/ICE to plain RTP), from Debian's packages, with the config
 * files next to this one. It runs inside the test run's private network namespace, which
 * scripts/lib/lab-netns.mjs creates: only `lo` exists there, so the fixed ports below never clash
 * with the host and nothing can leave 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAB_HOST = '127.0.0.1';
export const LAB_WS_URL = `ws://${LAB_HOST}:8088`;
export const LAB_WSS_URL = `wss://${LAB_HOST}:8443`;
export const LAB_UDP_PORT = 5060;
/** Kamailio's evapi socket: the ACD's queue events, for the platform's Acd adapter. */
export const LAB_ACD_EVENTS_PORT = 8448;
export const LAB_RPC_URL = `http://${LAB_HOST}:8088/RPC`;

/** Test users, as provisioned in conf/kamailio.cfg: 100x are WebRTC agents, 200x plain SIP phones, 110 the police desk. */
export const labUser = (extension: string) => ({ extension, password: `pw${extension}` });

const CONF = fileURLToPath(new URL('./conf/', import.meta.url));
const BINARIES = [
  '/usr/sbin/kamailio',
  '/usr/bin/rtpengine',
  '/usr/bin/baresip',
  '/usr/bin/sipp',
  '/usr/bin/openssl',
  '/usr/bin/espeak-ng',
  '/usr/lib/x86_64-linux-gnu/kamailio/modules/evapi.so',
];

/**
 * Why the lab cannot run here, or null. Tests run it only inside its own network namespace; the
 * demo (`npm run demo`) may run it on the host's loopback, where the console's browser can reach it.
 */
export const labUnavailableReason = (options: { hostLoopback?: boolean } = {}): string | null => {
  if (process.env.MINSHENG_LAB_NETNS !== '1' && !options.hostLoopback) {
    return 'the PBX lab runs only inside the private network namespace that `npm test` creates (needs root)';
  }
  const missing = BINARIES.filter((file) => !existsSync(file));
  return missing.length > 0 ? `lab binaries missing: ${missing.join(', ')}` : null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const tcpOpen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: LAB_HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const waitUntil = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`lab: ${what} not ready after ${timeoutMs} ms`);
    await sleep(20);
  }
};

/** Own process group, so a kill takes Kamailio's forked workers with it. */
const spawnLogged = (command: string, args: string[], logFile: string, cwd: string): ChildProcess => {
  const out = openSync(logFile, 'a');
  return spawn(command, args, { cwd, detached: true, stdio: ['ignore', out, out] });
};

const killGroup = async (child: ChildProcess | null, signal: NodeJS.Signals): Promise<void> => {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    return;
  }
  await Promise.race([exited, sleep(3_000)]);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

export interface Lab {
  readonly runDir: string;
  /** Milliseconds from the first spawn to both servers answering. */
  readonly startupMs: number;
  killKamailio(): Promise<void>;
  startKamailio(): Promise<number>;
  log(server: 'kamailio' | 'rtpengine'): string;
  stop(): Promise<void>;
}

const writeTlsFiles = (runDir: string): void => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      `/CN=${LAB_HOST}`,
      '-addext',
      `subjectAltName=IP:${LAB_HOST}`,
      '-keyout',
      join(runDir, 'key.pem'),
      '-out',
      join(runDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const profile = (section: string) =>
    `[${section}:default]\nmethod = TLSv1.2+\nverify_certificate = no\nrequire_certificate = no\n` +
    `private_key = ${join(runDir, 'key.pem')}\ncertificate = ${join(runDir, 'cert.pem')}\n`;
  writeFileSync(join(runDir, 'tls.cfg'), `${profile('server')}\n${profile('client')}`);
};

/** TCP and UDP ports of the lab on 127.0.0.1 (conf/kamailio.cfg, conf/rtpengine.conf). */
const LAB_PORTS = { tcp: [8088, 8443, LAB_ACD_EVENTS_PORT], udp: [LAB_UDP_PORT, 2223] };

const portTaken = (port: number, protocol: 'tcp' | 'udp'): Promise<boolean> =>
  new Promise((resolve) => {
    if (protocol === 'tcp') {
      const server = createServer();
      server.once('error', () => resolve(true));
      server.listen(port, LAB_HOST, () => server.close(() => resolve(false)));
    } else {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(true));
      socket.bind(port, LAB_HOST, () => socket.close(() => resolve(false)));
    }
  });

export const startLab = async (options: { hostLoopback?: boolean } = {}): Promise<Lab> => {
  const unavailable = labUnavailableReason(options);
  if (unavailable) throw new Error(unavailable);
  if (process.env.MINSHENG_LAB_NETNS !== '1') {
    // On the host another SIP server may hold the ports (Debian starts its own kamailio service).
    const taken = [
      ...(await Promise.all(LAB_PORTS.tcp.map(async (port) => ((await portTaken(port, 'tcp')) ? `${port}/tcp` : null)))),
      ...(await Promise.all(LAB_PORTS.udp.map(async (port) => ((await portTaken(port, 'udp')) ? `${port}/udp` : null)))),
    ].filter((port) => port !== null);
    if (taken.length > 0)
      throw new Error(
        `演示话务平台需要的端口已被占用：${taken.join('、')}（例如系统自带的 kamailio 服务：systemctl stop kamailio）`,
      );
  }
  const started = Date.now();
  const runDir = mkdtempSync(join(tmpdir(), 'minsheng-pbx-lab-'));
  copyFileSync(join(CONF, 'kamailio.cfg'), join(runDir, 'kamailio.cfg'));
  copyFileSync(join(CONF, 'rtpengine.conf'), join(runDir, 'rtpengine.conf'));
  writeTlsFiles(runDir);
  const logOf = (server: string) => join(runDir, `${server}.log`);

  const rtpengine = spawnLogged(
    'rtpengine',
    [`--config-file=${join(runDir, 'rtpengine.conf')}`, '--config-section=lab', `--pidfile=${join(runDir, 'rtpengine.pid')}`],
    logOf('rtpengine'),
    runDir,
  );
  let kamailio: ChildProcess | null = null;

  const startKamailio = async (): Promise<number> => {
    const t0 = Date.now();
    kamailio = spawnLogged(
      'kamailio',
      ['-f', join(runDir, 'kamailio.cfg'), '-w', runDir, '-DD', '-E', '-Y', runDir, '-m', '64', '-M', '8', '-A', 'WITH_TLS'],
      logOf('kamailio'),
      runDir,
    );
    const child = kamailio;
    await waitUntil(
      'kamailio',
      async () => {
        if (child.exitCode !== null) throw new Error(`kamailio exited:\n${readFileSync(logOf('kamailio'), 'utf8').slice(-2000)}`);
        return (await tcpOpen(8088)) && (await tcpOpen(8443));
      },
      10_000,
    );
    return Date.now() - t0;
  };

  try {
    await startKamailio();
    await waitUntil(
      'rtpengine',
      () => /control-ng listener|Startup complete/.test(readFileSync(logOf('rtpengine'), 'utf8')),
      10_000,
    );
  } catch (error) {
    await killGroup(kamailio, 'SIGTERM');
    await killGroup(rtpengine, 'SIGTERM');
    throw error;
  }
  const startupMs = Date.now() - started;

  return {
    runDir,
    startupMs,
    startKamailio,
    // SIGKILL, as when the PBX host loses power: no BYE, no WebSocket close frame.
    killKamailio: () => killGroup(kamailio, 'SIGKILL'),
    log: (server) => readFileSync(logOf(server), 'utf8'),
    stop: async () => {
      await killGroup(kamailio, 'SIGTERM');
      await killGroup(rtpengine, 'SIGTERM');
      if (!process.env.MINSHENG_KEEP_LAB) rmSync(runDir, { recursive: true, force: true });
    },
  };
};

/** How many bindings Kamailio's location table holds for an extension (JSON-RPC ul.lookup). */
export const labBindings = async (extension: string): Promise<number> => {
  const response = await fetch(LAB_RPC_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'ul.lookup', params: ['location', `${extension}@${LAB_HOST}`], id: 1 }),
  });
  const body = (await response.json()) as { result?: { Contacts?: unknown[] }; error?: unknown };
  return body.result?.Contacts?.length ?? 0;
};
