#!/usr/bin/env node
// Builds the renderer (Vite) and the Node-side bundles (esbuild): Electron main, preload, the
// database worker and the browser shell. Everything lands in dist/.
import { ensureSupportedNode } from './lib/supported-node.mjs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { nodeBundleOptions } from './lib/node-bundle.mjs';

await ensureSupportedNode();

const started = Date.now();

const node = nodeBundleOptions;

await Promise.all([
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  esbuild({
    ...node,
    entryPoints: {
      'main/electron-main': 'main/app/electron-main.ts',
      'main/db-worker': 'main/db/db-worker.ts',
      'shell/shell': 'main/shell/shell-entry.ts',
      'tools/seed': 'main/demo/seed-cli.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
  // Sandboxed preloads cannot require anything but a few electron modules, so zod is bundled in.
  esbuild({
    ...node,
    platform: 'browser',
    target: 'chrome120',
    entryPoints: { 'preload/preload': 'preload/index.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
]);

console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
