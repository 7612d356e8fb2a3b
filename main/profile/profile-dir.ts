import { join } from 'node:path';
import { type ProfileKind, TRAINING_DIR_SUFFIX } from './profile-kind';

export const APP_DIR_NAME = 'minsheng-desk';

/**
 * Where the embedded default profile lives when MINSHENG_PROFILE does not say: the same folder
 * Electron's app.getPath('userData') would choose, so the shell and the app share one profile.
 */
export const defaultProfileDir = (
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
  home: string,
  kind: ProfileKind = 'production',
): string => {
  const explicit = env.MINSHENG_PROFILE?.trim();
  if (explicit) return explicit;
  const name = kind === 'training' ? `${APP_DIR_NAME}${TRAINING_DIR_SUFFIX}` : APP_DIR_NAME;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), name);
};
