import { type QueueEvent, queueEventSchema } from './acd';

/**
 * One line of the lab ACD's evapi feed (tests/pbx-lab/conf/kamailio.cfg):
 * `kind|sec.usec|caller|agent|status|call-id`, "-" for none. The Call-ID comes last because it may
 * hold any character, "|" included. Anything else is refused with the reason.
 */
export const parseKamailioEvent = (line: string): { ok: true; event: QueueEvent } | { ok: false; error: string } => {
  const parts = line.split('|');
  if (parts.length < 6) return { ok: false, error: `expected 6 fields, got ${parts.length}` };
  const [kind, time, caller, agent, status] = parts;
  const callId = parts.slice(5).join('|');
  if (!/^\d+\.\d{1,6}$/.test(time ?? '')) return { ok: false, error: 'bad time' };
  const [seconds, fraction] = (time ?? '').split('.');
  const at = Number(seconds) * 1000 + Math.floor(Number((fraction ?? '').padEnd(6, '0')) / 1000);
  const parsed = queueEventSchema.safeParse({
    kind,
    at,
    callId,
    caller: caller ?? '',
    agentExtension: agent === '-' ? null : agent,
    status: status === '-' ? null : Number(status),
  });
  return parsed.success
    ? { ok: true, event: parsed.data }
    : { ok: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
};

/**
 * evapi frames are netstrings (`len:payload,`). Feeds bytes, returns whole payloads; a malformed
 * frame throws (the stream cannot be resynchronised after it: the caller reconnects).
 */
export const netstringReader = () => {
  let buffer = Buffer.alloc(0);
  return (chunk: Buffer): string[] => {
    buffer = Buffer.concat([buffer, chunk]);
    const payloads: string[] = [];
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) {
        if (buffer.length > 10) throw new Error('netstring length too long');
        return payloads;
      }
      const lengthText = buffer.subarray(0, colon).toString('ascii');
      if (!/^\d{1,7}$/.test(lengthText)) throw new Error('netstring length is not a number');
      const length = Number(lengthText);
      if (buffer.length < colon + 1 + length + 1) return payloads;
      if (buffer[colon + 1 + length] !== 0x2c) throw new Error('netstring not terminated by a comma');
      payloads.push(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      buffer = buffer.subarray(colon + 2 + length);
    }
  };
};
