// Child process of the encryption-migration test: a console starting on a plain profile. It prints
// each phase of the migration as it begins, then opens the database as the console does (which
// finishes the schema) and prints OPENED. The test SIGKILLs it at random moments.
import { parseDatabaseKey } from '../../main/db/encryption/database-key';
import { encryptPlainDatabase } from '../../main/db/encryption/encrypt-plain-database';
import { openDatabase } from '../../main/db/open-database';

const [file, keyText] = process.argv.slice(2);
if (!file || !keyText) throw new Error('usage: encrypt-child <database file> <key>');
const key = parseDatabaseKey(keyText, 'argv');
encryptPlainDatabase(file, key, { onPhase: (phase) => process.stdout.write(`${phase}\n`) });
openDatabase({ file, key }).db.close();
process.stdout.write('OPENED\n');
