// The PBX lab's isolation, shared by `npm test` and `npm run bench -- sip`: private network and PID
// namespaces. Only `lo` exists there, so nothing leaves 127.0.0.1 and the lab's fixed ports never
// clash; when the command ends, however it ends, the kernel kills whatever the lab left behind.
import { existsSync } from 'node:fs';

export const canIsolateLab = () =>
  typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/unshare');

const quote = (part) => `'${part.replaceAll("'", "'\\''")}'`;

/** [command, args] that run `command` inside fresh lab namespaces, with MINSHENG_LAB_NETNS=1. */
export const inLabNamespace = (command) => [
  'unshare',
  [
    '--net',
    '--pid',
    '--fork',
    '--mount-proc',
    '--kill-child',
    'sh',
    '-c',
    `ip link set lo up && MINSHENG_LAB_NETNS=1 exec ${command.map(quote).join(' ')}`,
  ],
];
