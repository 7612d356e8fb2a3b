import type { MediaSample } from '../engine/call-engine';

/**
 * One reading of a call's media from a WebRTC getStats() report: bytes and packets of the audio
 * streams, jitter, and the round trip (RTCP's when the far end reports it, else ICE's).
 */
export const mediaSampleFromStats = (stats: Iterable<Record<string, unknown>>, at: number): MediaSample => {
  let sample: MediaSample = {
    at,
    bytesReceived: 0,
    bytesSent: 0,
    packetsReceived: 0,
    packetsLost: 0,
    jitterSeconds: 0,
    roundTripSeconds: null,
  };
  for (const stat of stats) {
    if (stat.kind !== 'audio' && stat.type !== 'candidate-pair') continue;
    const number = (key: string) => (typeof stat[key] === 'number' ? (stat[key] as number) : 0);
    if (stat.type === 'inbound-rtp')
      sample = {
        ...sample,
        bytesReceived: number('bytesReceived'),
        packetsReceived: number('packetsReceived'),
        packetsLost: number('packetsLost'),
        jitterSeconds: number('jitter'),
      };
    if (stat.type === 'outbound-rtp') sample = { ...sample, bytesSent: number('bytesSent') };
    if (stat.type === 'remote-inbound-rtp' && typeof stat.roundTripTime === 'number')
      sample = { ...sample, roundTripSeconds: stat.roundTripTime };
    if (stat.type === 'candidate-pair' && stat.nominated && typeof stat.currentRoundTripTime === 'number')
      sample = { ...sample, roundTripSeconds: sample.roundTripSeconds ?? stat.currentRoundTripTime };
  }
  return sample;
};
