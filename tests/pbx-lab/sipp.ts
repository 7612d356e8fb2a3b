/**
 * SIPp (Debian's sip-tester) as a carrier trunk: one INVITE from outside the centre (From domain not
 * local, so Kamailio asks no credentials) that expects a given final response. It proves what the
 * PBX side received, e.g. that a not-ready console refused with the configured code.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_HOST, LAB_UDP_PORT } from './lab';

/** One SIPp call of a scenario file against Kamailio's UDP port; resolves with SIPp's exit code and output. */
const runSipp = (run: {
  file: string;
  runDir: string;
  extension: string;
  localPort: number;
  timeout: string;
}): Promise<{ code: number; output: string }> =>
  new Promise((resolve) => {
    const child = spawn(
      'sipp',
      [
        '-sf',
        run.file,
        '-s',
        run.extension,
        '-i',
        LAB_HOST,
        '-p',
        String(run.localPort),
        '-m',
        '1',
        '-timeout',
        run.timeout,
        '-timeout_error',
        '-nostdin',
        `${LAB_HOST}:${LAB_UDP_PORT}`,
      ],
      { cwd: run.runDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });

const TRUNK_FROM = ['From: "Trunk" <sip:+8613812345678@trunk.invalid>;tag=[pid]SIPpTag00[call_number]'];

const headerNames = (compact: boolean) =>
  compact
    ? { via: 'v', to: 't', callId: 'i', contact: 'm', type: 'c', length: 'l' }
    : { via: 'Via', to: 'To', callId: 'Call-ID', contact: 'Contact', type: 'Content-Type', length: 'Content-Length' };

/** The carrier's INVITE (with an SDP offer SIPp never sends media for), as a scenario's first step. */
export const trunkInvite = (identity: readonly string[], compact: boolean): string => {
  const h = headerNames(compact);
  return `  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
${h.via}: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${identity.join('\n')}
${h.to}: <sip:[service]@[remote_ip]:[remote_port]>
${h.callId}: [call_id]
CSeq: 1 INVITE
${h.contact}: <sip:sipp@[local_ip]:[local_port]>
Max-Forwards: 70
${h.type}: application/sdp
${h.length}: [len]

v=0
o=sipp 1 1 IN IP4 [local_ip]
s=-
c=IN IP4 [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0
a=rtpmap:0 PCMU/8000
]]></send>`;
};

const scenario = (status: number, headers: readonly string[]) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="trunk call expecting ${status}">
${trunkInvite([...TRUNK_FROM, ...headers], false)}
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="${status}"/>
  <send><![CDATA[
ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${TRUNK_FROM[0]}
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
</scenario>
`;

/**
 * Resolves with SIPp's exit code: 0 when the call ended with exactly `status`. `headers` are added
 * to the INVITE as given (a forged monitoring request, say).
 */
export const sippCallExpecting = (options: {
  runDir: string;
  extension: string;
  status: number;
  headers?: readonly string[];
}): Promise<{ code: number; output: string }> => {
  const file = join(options.runDir, `sipp-expect-${options.status}.xml`);
  writeFileSync(file, scenario(options.status, options.headers ?? []));
  return runSipp({ file, runDir: options.runDir, extension: options.extension, localPort: 5090, timeout: '15s' });
};

export interface TrunkCallOptions {
  readonly runDir: string;
  readonly extension: string;
  /** Identity header lines exactly as the carrier sends them (From with a tag, PAI, Privacy …). */
  readonly identity: readonly string[];
  /** Use compact header names (f, t, i, m, v, l, c) for the rest of the INVITE. */
  readonly compact?: boolean;
  /** How long the call lasts once answered before the caller hangs up. */
  readonly talkMs?: number;
  /** 'agent': the caller stays on until the console hangs up (its BYE must arrive within 90 s). */
  readonly hungUpBy?: 'caller' | 'agent';
  readonly name: string;
}

/**
 * A carrier call that the console must answer: INVITE with the given identity, 200, ACK, a pause,
 * then the caller's BYE, which must be answered with 200. SIPp exits 0 only if all of that
 * happened (a BYE nobody answers is retransmitted, then times out: exit 1).
 */
const answeredScenario = (options: TrunkCallOptions) => {
  const h = headerNames(options.compact ?? false);
  const fromLine = options.identity.find((line) => /^(From|f)\s*:/i.test(line)) ?? '';
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${options.name}">
${trunkInvite(options.identity, options.compact ?? false)}
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="183" optional="true"/>
  <recv response="200" rrs="true"/>
  <send><![CDATA[
ACK [next_url] SIP/2.0
${h.via}: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${fromLine}
[last_To:]
[routes]
${h.callId}: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
${h.length}: 0
]]></send>
${options.hungUpBy === 'agent' ? AGENT_BYE : callerBye(h, fromLine, options.talkMs ?? 1500)}
</scenario>
`;
};

const AGENT_BYE = `  <recv request="BYE" timeout="90000"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0
]]></send>`;

const callerBye = (h: ReturnType<typeof headerNames>, fromLine: string, talkMs: number) => `  <pause milliseconds="${talkMs}"/>
  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
${h.via}: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${fromLine}
[last_To:]
[routes]
${h.callId}: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
${h.length}: 0
]]></send>
  <recv response="200" timeout="8000"/>`;

/** Resolves with SIPp's exit code: 0 when the console answered, and answered the caller's BYE with 200. */
export const sippAnsweredCall = (options: TrunkCallOptions): Promise<{ code: number; output: string }> => {
  const file = join(options.runDir, `sipp-${options.name}.xml`);
  writeFileSync(file, answeredScenario(options));
  return runSipp({
    file,
    runDir: options.runDir,
    extension: options.extension,
    localPort: 5091,
    timeout: options.hungUpBy === 'agent' ? '100s' : '30s',
  });
};
