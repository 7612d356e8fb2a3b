/**
 * A real SIP phone for the tests: baresip 1.0 (Debian's baresip-core) as a plain-RTP user of the lab.
 * Its microphone is a 440 Hz sine and its speaker a null sink; `rtp_stats` makes it print the RTP
 * packets it sent and received when a call ends, which is how a test sees the PBX side get audio.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { LAB_HOST, labUser } from './lab';

export interface Baresip {
  readonly extension: string;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** A command of baresip's menu over its TCP control socket, e.g. `dial sip:1001@127.0.0.1`, `hangup`. */
  command(line: string): Promise<void>;
  /** The WAV files of decoded (received) audio, one per call, when started with `record`. */
  decodedRecordings(): string[];
  /** RTP packets baresip counted for each ended call, in the order they ended. */
  rtpPackets(): { tx: number; rx: number }[];
  stop(): Promise<void>;
}

const CONFIG = (slot: number, dir: string, toneHz: number, record: boolean) => `poll_method epoll
sip_listen ${LAB_HOST}:${5100 + slot * 10}
call_local_timeout 120
call_max_calls 4
audio_source ausine,${toneHz}
ausrc_srate 48000
ausrc_channels 2
audio_player aubridge,nullsink${slot}
audio_alert aubridge,nullalert${slot}
audio_level no
audio_buffer 20-160
rtp_ports ${31000 + slot * 100}-${31099 + slot * 100}
rtcp_mux no
jitter_buffer_delay 5-10
rtp_stats yes
dns_server ${LAB_HOST}:53
net_interface ${LAB_HOST}
module_path /usr/lib/baresip/modules
module g711.so
module opus.so
module ausine.so
module aubridge.so
${record ? 'module sndfile.so\n' : ''}module_tmp uuid.so
module_tmp account.so
module_app menu.so
module_app ctrl_tcp.so
ctrl_tcp_listen ${LAB_HOST}:${4444 + slot}
snd_path ${dir}
`;

let nextSlot = 0;

/** Starts baresip registered as `extension`; auto-answers when asked (answermode=auto). */
export const startBaresip = async (options: {
  readonly extension: string;
  readonly runDir: string;
  readonly autoAnswer?: boolean;
  /** The frequency of the sine it "speaks": tells its voice apart in another phone's recording. */
  readonly toneHz?: number;
  /** Dump decoded audio of each call to WAV (baresip's sndfile module). */
  readonly record?: boolean;
}): Promise<Baresip> => {
  const slot = nextSlot++ % 8;
  const dir = join(options.runDir, `baresip-${options.extension}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const { password } = labUser(options.extension);
  writeFileSync(join(dir, 'config'), CONFIG(slot, dir, options.toneHz ?? 440, options.record ?? false));
  writeFileSync(
    join(dir, 'accounts'),
    `<sip:${options.extension}@${LAB_HOST};transport=udp>;auth_pass=${password};regint=300;` +
      `audio_codecs=opus/48000/2,pcmu,pcma${options.autoAnswer ? ';answermode=auto' : ''}\n`,
  );
  const child: ChildProcess = spawn('baresip', ['-f', dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const waitFor = async (pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = output.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`baresip ${options.extension} exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`baresip ${options.extension}: no ${pattern} in ${timeoutMs} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const command = (line: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const [name, ...rest] = line.split(' ');
      const json = JSON.stringify({ command: name, params: rest.join(' '), token: String(Date.now()) });
      const socket = connect({ host: LAB_HOST, port: 4444 + slot }, () => {
        socket.end(`${Buffer.byteLength(json)}:${json},`);
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
      socket.setTimeout(2_000, () => socket.destroy());
    });

  await waitFor(/200 OK|registered successfully|account: registered/i);

  return {
    extension: options.extension,
    output: () => output,
    waitFor,
    command,
    decodedRecordings: () =>
      readdirSync(dir)
        .filter((name) => name.endsWith('-dec.wav'))
        .map((name) => join(dir, name)),
    rtpPackets: () =>
      [...output.matchAll(/packets:\s+(\d+)\s+(\d+)/g)].map((match) => ({ tx: Number(match[1]), rx: Number(match[2]) })),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
};
