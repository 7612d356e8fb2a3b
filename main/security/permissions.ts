/**
 * The renderer may use the microphone (calls) and HID (headsets) and nothing else, and only from our
 * own origin; video, geolocation, notifications from elsewhere etc. are denied.
 */
export interface PermissionQuestion {
  readonly permission: string;
  readonly requestingOrigin: string;
  readonly appOrigin: string;
  readonly mediaTypes?: readonly string[];
}

const ALWAYS_ALLOWED = new Set(['hid', 'notifications', 'speaker-selection']);

export const decidePermission = (question: PermissionQuestion): boolean => {
  if (question.requestingOrigin !== question.appOrigin) return false;
  if (question.permission === 'media') {
    const types = question.mediaTypes ?? [];
    return types.length > 0 && types.every((type) => type === 'audio');
  }
  return ALWAYS_ALLOWED.has(question.permission);
};
