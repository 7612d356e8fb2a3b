/** Microphone, speaker and ringer by remembered label; hot-plug. */
import { deviceIdForLabel, listAudioDevices, newlyPlugged, routeTo } from '../media/audio-devices';
import { failure, get, need } from './runtime';

// ── devices ──────────────────────────────────────────────────────────────────

export const speakerId = (): string | null =>
  deviceIdForLabel(
    need().devices.filter((device) => device.kind === 'audiooutput'),
    need().account?.preferences.speakerLabel ?? '',
  );

export const microphoneStream = (): Promise<MediaStream> => {
  const id = microphoneId();
  return navigator.mediaDevices.getUserMedia({
    audio: { ...(id ? { deviceId: { exact: id } } : {}), echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
};

export const microphoneId = (): string | null =>
  deviceIdForLabel(
    need().devices.filter((device) => device.kind === 'audioinput'),
    need().account?.preferences.microphoneLabel ?? '',
  );

export const devicesChanged = async (): Promise<void> => {
  const rt = need();
  const before = rt.devices;
  const now = await listAudioDevices();
  rt.devices = [...now.microphones, ...now.speakers];
  const prefs = rt.account?.preferences;
  if (!prefs) return;
  const plugged = newlyPlugged(before, rt.devices);
  const headsetIn = plugged.find((device) => device.kind === 'audioinput');
  const headsetOut = plugged.find((device) => device.kind === 'audiooutput');
  if (prefs.takeNewHeadset && (headsetIn || headsetOut)) {
    rt.account = {
      ...rt.account!,
      preferences: {
        ...prefs,
        microphoneLabel: headsetIn?.label ?? prefs.microphoneLabel,
        speakerLabel: headsetOut?.label ?? prefs.speakerLabel,
      },
    };
  }
  // A vanished device resolves to null = system default: the call keeps going on the default.
  for (const player of rt.players.values()) await routeTo(player, speakerId());
  const live = Object.values(get().calls).find((call) => call.state.kind === 'active');
  // In 三方通话 the microphone feeds the mix; a re-plug there waits for the conference to end.
  if (live && !rt.conference) {
    const id = microphoneId();
    const stream = await navigator.mediaDevices
      .getUserMedia({
        audio: {
          ...(id ? { deviceId: { exact: id } } : {}),
          echoCancellation: true,
          noiseSuppression: true,
          autoGainControl: true,
        },
      })
      .catch(() => null);
    const track = stream?.getAudioTracks()[0];
    if (track) await rt.engine.replaceMicrophone(live.id, track).catch(failure);
  }
};

export const audioDevices = (): { microphones: MediaDeviceInfo[]; speakers: MediaDeviceInfo[] } => ({
  microphones: need().devices.filter((device) => device.kind === 'audioinput'),
  speakers: need().devices.filter((device) => device.kind === 'audiooutput'),
});
