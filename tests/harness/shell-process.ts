import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SHELL_BUNDLE = fileURLToPath(new URL('../../dist/shell/shell.cjs', import.meta.url));
const URL_MARKER = 'MINSHENG_SHELL_URL ';

export interface ShellProcess {
  readonly url: string;
  readonly origin: string;
  readonly output: () => string;
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as on a power cut; nothing gets to flush. */
  kill(): Promise<void>;
}

/** Starts the built browser shell (dist/shell/shell.cjs) on a free port with the given profile. */
export const startShellProcess = (profileDir: string, env: Record<string, string> = {}): Promise<ShellProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [SHELL_BUNDLE], {
      // The key file beside the profile, as on a fresh PC, whatever the developer's own environment says.
      env: {
        ...process.env,
        MINSHENG_DB_KEY: '',
        MINSHENG_DB_KEY_FILE: '',
        MINSHENG_PROFILE: profileDir,
        MINSHENG_PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const end = (signal: NodeJS.Signals) =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      });
    const timer = setTimeout(() => reject(new Error(`shell did not start in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith(URL_MARKER));
      if (!line) return;
      clearTimeout(timer);
      const url = line.slice(URL_MARKER.length).trim();
      resolve({
        url,
        origin: new URL(url).origin,
        output: () => output,
        stop: () => end('SIGTERM'),
        kill: () => end('SIGKILL'),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`shell exited with ${code}:\n${output}`));
    });
  });
