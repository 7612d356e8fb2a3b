/**
 * SIPp (Debian's sip-tester) as a carrier trunk: one INVITE from outside the centre (From domain not
 * local, so Kamailio asks no credentials) that expects a given final response. It proves what the
 * PBX side received, e.g. that a not-ready console refused with the configured code.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_HOST, LAB_UDP_PORT } from './lab';

const scenario = (status: number) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="trunk call expecting ${status}">
  <send retrans="500"><![CDATA[
INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Trunk" <sip:+8613812345678@trunk.invalid>;tag=[pid]SIPpTag00[call_number]
To: <sip:[service]@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:sipp@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Type: application/sdp
Content-Length: [len]

v=0
o=sipp 1 1 IN IP4 [local_ip]
s=-
c=IN IP4 [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0
a=rtpmap:0 PCMU/8000
]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="${status}"/>
  <send><![CDATA[
ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "Trunk" <sip:+8613812345678@trunk.invalid>;tag=[pid]SIPpTag00[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0
]]></send>
</scenario>
`;

/** Resolves with SIPp's exit code: 0 when the call ended with exactly `status`. */
export const sippCallExpecting = (options: {
  runDir: string;
  extension: string;
  status: number;
}): Promise<{ code: number; output: string }> => {
  const file = join(options.runDir, `sipp-expect-${options.status}.xml`);
  writeFileSync(file, scenario(options.status));
  return new Promise((resolve) => {
    const child = spawn(
      'sipp',
      [
        '-sf',
        file,
        '-s',
        options.extension,
        '-i',
        LAB_HOST,
        '-p',
        '5090',
        '-m',
        '1',
        '-timeout',
        '15s',
        '-timeout_error',
        '-nostdin',
        `${LAB_HOST}:${LAB_UDP_PORT}`,
      ],
      { cwd: options.runDir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
};
