/**
 * Citizens calling the hotline 12345 through the carrier trunk, as SIPp places them: each waits up
 * to its patience for an agent, talks, hangs up — or hangs up while still queued (CANCEL). SIPp
 * writes what it saw to its own log (`<log>` lines with its own clock), so a test computes the
 * queue's figures from SIPp's side, independently of the PBX and the platform.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_HOST, LAB_UDP_PORT } from './lab';
import { trunkInvite } from './sipp';
import { tallyOf } from '../../main/lead/domain/kpi';
import type { QueueTally } from '../../main/lead/domain/queue-tally';

export interface QueueCallerPlan {
  readonly name: string;
  readonly calls: number;
  /** New calls per second. */
  readonly ratePerSecond: number;
  /** How long a caller waits for an agent before hanging up. */
  readonly patienceMs: number;
  readonly talkMs: number;
  /** Calling numbers are `prefix` followed by SIPp's call number. */
  readonly numberPrefix: string;
  readonly localPort: number;
}

const FROM = (prefix: string) => `From: "Citizen" <sip:${prefix}[call_number]@trunk.invalid>;tag=[pid]Q[call_number]`;
// The clock is read and logged in one action list: a <nop> between a <send> and its <recv> would
// make SIPp treat the answer arriving meanwhile as unexpected.
const logNow = (kind: string) =>
  `  <nop><action><gettimeofday assign_to="${kind}_s,${kind}_us"/>` +
  `<log message="${kind} [call_id] [$${kind}_s].[$${kind}_us]"/></action></nop>`;

const scenario = (plan: QueueCallerPlan) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${plan.name}">
${logNow('entered')}
${trunkInvite([FROM(plan.numberPrefix)], false).replace('<send retrans="500">', '<send retrans="500" start_txn="invite">')}
  <recv response="100" optional="true" response_txn="invite"/>
  <recv response="180" response_txn="invite"/>
  <recv response="200" response_txn="invite" rrs="true" timeout="${plan.patienceMs}" ontimeout="abandon"/>
${logNow('answered')}
  <send><![CDATA[
ACK [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${FROM(plan.numberPrefix)}
[last_To:]
[routes]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
  <pause milliseconds="${plan.talkMs}"/>
  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${FROM(plan.numberPrefix)}
[last_To:]
[routes]
Call-ID: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0
]]></send>
  <recv response="200" timeout="8000" next="done"/>
  <label id="abandon"/>
${logNow('abandoned')}
  <send><![CDATA[
CANCEL sip:[service]@[remote_ip]:[remote_port] SIP/2.0
[last_Via:]
${FROM(plan.numberPrefix)}
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 CANCEL
Max-Forwards: 70
Content-Length: 0
]]></send>
  <label id="after_cancel"/>
  <recv response="487" response_txn="invite" optional="true" next="cancelled"/>
  <recv response="200" response_txn="invite" timeout="8000">
    <action>
      <ereg regexp="INVITE" search_in="hdr" header="CSeq:" assign_to="late_invite"/>
      <ereg regexp="&lt;([^>]*)>" search_in="hdr" header="Contact:" assign_to="late_contact_all,late_contact"/>
      <ereg regexp="&lt;([^>]*)>" search_in="hdr" header="Record-Route:" occurrence="1" assign_to="late_rr1_all,late_rr1"/>
      <ereg regexp="&lt;([^>]*)>" search_in="hdr" header="Record-Route:" occurrence="2" assign_to="late_rr2_all,late_rr2"/>
    </action>
  </recv>
  <nop test="late_invite" next="late"/>
  <!-- the CANCEL's own 200 (same branch as the INVITE): keep waiting for the INVITE's answer -->
  <nop next="after_cancel"/>
  <label id="cancelled"/>
  <send ack_txn="invite"><![CDATA[
ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
[last_Via:]
${FROM(plan.numberPrefix)}
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
  <nop next="done"/>
  <label id="late"/>
${logNow('late')}
  <nop><action><log message="late-route [call_id] [$late_contact_all] [$late_rr1_all] [$late_rr2_all]"/></action></nop>
  <send><![CDATA[
ACK [$late_contact] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${FROM(plan.numberPrefix)}
[last_To:]
Route: <[$late_rr2]>, <[$late_rr1]>
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
  <send retrans="500"><![CDATA[
BYE [$late_contact] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
${FROM(plan.numberPrefix)}
[last_To:]
Route: <[$late_rr2]>, <[$late_rr1]>
Call-ID: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0
]]></send>
  <recv response="200" timeout="8000"/>
  <label id="done"/>
</scenario>
`;

export interface SippCallRecord {
  readonly callId: string;
  readonly enteredAt: number;
  readonly answeredAt: number | null;
  readonly abandonedAt: number | null;
  /**
   * An agent's 200 that crossed the caller's CANCEL (glare): the caller had given up, so it ACKs and
   * hangs up at once, as a phone must (RFC 3261 §9.1). The queue counts the call abandoned; the
   * agent's console saw a call answered and ended.
   */
  readonly lateAnsweredAt: number | null;
}

/** What SIPp logged for each call: when it called, and when it was answered or gave up (ms). */
const readSippLog = (file: string): SippCallRecord[] => {
  const calls = new Map<
    string,
    { callId: string; enteredAt: number; answeredAt: number | null; abandonedAt: number | null; lateAnsweredAt: number | null }
  >();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // SIPp prints its variables as doubles: "1796632964.000000.754372.000000" is 1796632964 s 754372 µs.
    const match = /^(entered|answered|abandoned|late) (\S+) (\d+)\.0+\.(\d+)\.0+$/.exec(line.trim());
    if (!match) continue;
    const [, kind, callId, seconds, micros] = match as unknown as [string, string, string, string, string];
    const at = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const call = calls.get(callId) ?? { callId, enteredAt: at, answeredAt: null, abandonedAt: null, lateAnsweredAt: null };
    if (kind === 'answered') call.answeredAt = at;
    if (kind === 'late') call.lateAnsweredAt = at;
    if (kind === 'abandoned') call.abandonedAt = at;
    calls.set(callId, call);
  }
  return [...calls.values()];
};

/** The queue's figures from SIPp's side alone, through the same formulas the wallboard uses. */
export const sippQueueTally = (calls: readonly SippCallRecord[]): QueueTally =>
  tallyOf(
    calls.map((call) => ({
      offeredAt: new Date(call.enteredAt).toISOString(),
      answeredAt: call.answeredAt === null ? null : new Date(call.answeredAt).toISOString(),
      abandonedAt: call.abandonedAt === null ? null : new Date(call.abandonedAt).toISOString(),
      endedAt: null,
    })),
    { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
  );

/** Runs the plan to its end; resolves with SIPp's exit code, its output and its per-call log. */
export const runQueueCallers = (
  plan: QueueCallerPlan,
  runDir: string,
): Promise<{ code: number; output: string; calls: SippCallRecord[] }> => {
  const file = join(runDir, `${plan.name}.xml`);
  writeFileSync(file, scenario(plan));
  return new Promise((resolve) => {
    const child = spawn(
      'sipp',
      [
        '-sf',
        file,
        '-s',
        '12345',
        '-i',
        LAB_HOST,
        '-p',
        String(plan.localPort),
        '-mp',
        String(plan.localPort + 1000),
        '-m',
        String(plan.calls),
        '-r',
        String(plan.ratePerSecond),
        '-l',
        String(plan.calls),
        // the CANCEL's 200 may come before or after the 487: neither order aborts the call
        '-default_behaviors',
        '-abortunexp',
        '-trace_logs',
        '-trace_err',
        '-timeout',
        `${Math.ceil((plan.calls / plan.ratePerSecond) * 1000 + plan.patienceMs + plan.talkMs + 30_000)}ms`,
        '-timeout_error',
        '-nostdin',
        `${LAB_HOST}:${LAB_UDP_PORT}`,
      ],
      { cwd: runDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      const log = readdirSync(runDir).find((name) => name.startsWith(`${plan.name}_`) && name.endsWith('_logs.log'));
      resolve({ code: code ?? 1, output: output.slice(-4000), calls: log ? readSippLog(join(runDir, log)) : [] });
    });
  });
};
