/**
 * The live quality badge: loss, jitter and round trip between two getStats readings, and an
 * estimated MOS from a simplified ITU-T G.107 E-model (R = 93.2 − delay impairment − loss
 * impairment; the codec's own impairment is taken as 0, as for Opus/G.711 without loss).
 */
export interface MediaReading {
  readonly at: number;
  readonly packetsReceived: number;
  readonly packetsLost: number;
  readonly jitterSeconds: number;
  readonly roundTripSeconds: number | null;
}

export interface CallQuality {
  readonly lossPercent: number;
  readonly jitterMs: number;
  readonly rttMs: number | null;
  readonly mos: number;
  readonly grade: 'good' | 'fair' | 'poor';
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export const estimateMos = (lossPercent: number, oneWayDelayMs: number): number => {
  const delay = oneWayDelayMs > 177.3 ? 0.024 * oneWayDelayMs + 0.11 * (oneWayDelayMs - 177.3) : 0.024 * oneWayDelayMs;
  // Packet-loss robustness Bpl = 10 (G.113 default for codecs with concealment), Ie = 0.
  const loss = 95 * (lossPercent / (lossPercent + 10));
  const r = clamp(93.2 - delay - loss, 0, 100);
  return clamp(1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r), 1, 4.5);
};

export const callQuality = (previous: MediaReading | null, current: MediaReading): CallQuality => {
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0));
  const lossPercent = received + lost > 0 ? (100 * lost) / (received + lost) : 0;
  const jitterMs = current.jitterSeconds * 1000;
  const rttMs = current.roundTripSeconds === null ? null : current.roundTripSeconds * 1000;
  // One-way delay: half the round trip plus the jitter buffer, about twice the jitter.
  const mos = estimateMos(lossPercent, (rttMs ?? 0) / 2 + 2 * jitterMs);
  return {
    lossPercent: Math.round(lossPercent * 10) / 10,
    jitterMs: Math.round(jitterMs),
    rttMs: rttMs === null ? null : Math.round(rttMs),
    mos: Math.round(mos * 10) / 10,
    grade: mos >= 4 ? 'good' : mos >= POOR_MOS ? 'fair' : 'poor',
  };
};

/** Below this a call is flagged 差 to the lead; above RECOVERED_MOS it is cleared again. */
export const POOR_MOS = 3.4;
const RECOVERED_MOS = 3.7;

/**
 * Is the call flagged poor to the lead after this reading? A margin between flagging and clearing:
 * a line hovering at 3.4 would otherwise write and push the call record every 2 s all call long.
 */
export const flaggedPoor = (wasFlagged: boolean, mos: number): boolean => (wasFlagged ? mos < RECOVERED_MOS : mos < POOR_MOS);
