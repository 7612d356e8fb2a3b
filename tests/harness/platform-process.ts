import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface PlatformProcess {
  readonly url: string;
  kill(): Promise<void>;
}

/** The reference platform as a separate process (so a test can kill it), on a fixed loopback port. */
export const startPlatformProcess = (db: string, port: number, extraArgs: readonly string[] = []): Promise<PlatformProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/platform/platform-cli.ts', '--db', db, '--port', String(port), '--no-history', ...extraArgs],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`platform did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((candidate) => candidate.startsWith('MINSHENG_PLATFORM_URL '));
      if (!line) return;
      clearTimeout(timer);
      resolve({
        url: line.slice('MINSHENG_PLATFORM_URL '.length).trim(),
        kill: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`platform exited ${code}: ${out}`)));
  });
