/**
 * Microphone, speaker and ringer are chosen separately and remembered by label: device ids change
 * between sessions and when a headset is plugged into another port. A remembered device that is
 * gone falls back to the system default ('' = default) without touching the call.
 */
export interface AudioDevices {
  readonly microphones: readonly MediaDeviceInfo[];
  readonly speakers: readonly MediaDeviceInfo[];
}

export const listAudioDevices = async (): Promise<AudioDevices> => {
  // No media devices API (an insecure origin, an old WebView): the system defaults are used.
  const devices = navigator.mediaDevices ? await navigator.mediaDevices.enumerateDevices().catch(() => []) : [];
  return {
    microphones: devices.filter((device) => device.kind === 'audioinput'),
    speakers: devices.filter((device) => device.kind === 'audiooutput'),
  };
};

export const deviceIdForLabel = (devices: readonly MediaDeviceInfo[], label: string): string | null =>
  label === '' ? null : (devices.find((device) => device.label === label)?.deviceId ?? null);

/** Labels present now that were not before: what a hot-plug added. */
export const newlyPlugged = (before: readonly MediaDeviceInfo[], after: readonly MediaDeviceInfo[]): MediaDeviceInfo[] =>
  after.filter((device) => device.label !== '' && !before.some((old) => old.label === device.label));

type SinkElement = HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };

/** Routes an element to a speaker; a failed switch keeps the current output rather than silence. */
export const routeTo = async (element: HTMLMediaElement, deviceId: string | null): Promise<void> => {
  const sink = element as SinkElement;
  if (typeof sink.setSinkId !== 'function') return;
  await sink.setSinkId(deviceId ?? '').catch(() => undefined);
};
