#!/usr/bin/env node
// `node scripts/with-node.mjs <node arguments…>`: runs Node with those arguments under the project's
// supported Node (scripts/lib/supported-node.mjs), for the package.json scripts that run a tool or a
// TypeScript CLI directly; the native SQLite binding is built for that Node, not the machine's.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { run } from './lib/run.mjs';

await ensureSupportedNode();

process.on('SIGINT', () => {});
process.exit(await run(process.execPath, process.argv.slice(2)));
