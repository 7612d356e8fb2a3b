import { openDatabase } from '../../main/db/open-database';
import { databaseFile } from '../../main/profile/database-file';
import { profileKey } from './profile-database';
import { settingsRepo } from '../../main/settings/settings-repo';

/** Writes settings rows straight into a profile, as an admin's provisioning would. */
export const writeProfileSettings = (profileDir: string, values: Record<string, unknown>): void => {
  const { db } = openDatabase({ file: databaseFile(profileDir), key: profileKey(profileDir) });
  try {
    settingsRepo.writeAll(db, values);
  } finally {
    db.close();
  }
};
