// A console that signs in and syncs, as its own process, so a test can SIGKILL it mid-pull.
// argv: <profile dir> <platform url>
import { startSyncedConsole } from './sync-fixtures';

const [profile, url] = process.argv.slice(2);
if (!profile || !url) throw new Error('usage: sync-console-child <profile> <platform url>');
await startSyncedConsole(profile, url);
process.stdout.write('SIGNED_IN\n');
// Sync runs in the background until the test kills this process.
setInterval(() => {}, 1000);
