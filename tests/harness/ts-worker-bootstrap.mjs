// Worker threads cannot start from a .ts file even with a loader flag; this plain module registers
// tsx inside the worker and then imports the TypeScript entry named in argv.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(process.argv[2]).href);
