// The dependency rules of ARCHITECTURE.md as one lint rule, so "pure code stays pure" is a failing
// check rather than a convention. Relative imports are resolved against the importing file, so
// `../../../main/x` is caught as surely as a bare `electron`.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const isNodeBuiltin = (source) => source.startsWith('node:') || NODE_BUILTINS.has(source.split('/')[0]);
const packageName = (source) => (source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]);

const FORBIDDEN_IN_DOMAIN = new Set([
  'electron',
  'react',
  'react-dom',
  'sip.js',
  'better-sqlite3-multiple-ciphers',
  'zustand',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
]);

/** Returns a message when `file` (repo-relative, posix) may not import `source` (as written), else null. */
export const boundaryViolation = (file, source, { typeOnly = false } = {}) => {
  const isRelative = source.startsWith('.');
  const target = isRelative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), source)) : null;
  const inside = (dir) => target !== null && (target === dir || target.startsWith(`${dir}/`));
  const pkg = isRelative ? null : packageName(source);

  if (/(^|\/)domain\//.test(file)) {
    if (pkg && (FORBIDDEN_IN_DOMAIN.has(pkg) || FORBIDDEN_IN_DOMAIN.has(source)))
      return `domain code must stay pure: '${source}' is not allowed in a domain/ folder`;
    if (target && /-repo$/.test(path.posix.basename(target)))
      return `domain code must stay pure: it may not import a repository (${target})`;
  }
  if (file.startsWith('renderer/')) {
    if (pkg === 'electron') return "the renderer must never import 'electron': use window.desk through the contract";
    if (!isRelative && isNodeBuiltin(source)) return `the renderer must never import Node built-ins ('${source}')`;
    if (pkg === 'better-sqlite3-multiple-ciphers') return 'the renderer must never touch SQLite: go through the contract';
    if (inside('main') || inside('native')) return `the renderer must never import ${target}: go through the contract`;
    if (inside('preload') && !(inside('preload/contract') && typeOnly))
      return 'the renderer may import only types from preload/contract (use `import type`)';
    const feature = /^renderer\/features\/([^/]+)\//.exec(file)?.[1];
    const targetFeature = target ? /^renderer\/features\/([^/]+)(\/|$)/.exec(target)?.[1] : undefined;
    if (feature && targetFeature && targetFeature !== feature)
      return `feature '${feature}' must not import feature '${targetFeature}': features meet in renderer/app`;
    if ((feature || file.startsWith('renderer/shared/')) && inside('renderer/app'))
      return 'renderer/app wires features together; nothing below it may import it';
    if (file.startsWith('renderer/shared/') && targetFeature) return 'renderer/shared must not depend on a feature';
  }
  if (file.startsWith('main/') || file.startsWith('native/')) {
    if (inside('renderer')) return 'main must never import renderer code';
    // The transports (ipc/, app/, shell/) and the wiring (services.ts) sit on top of the services, never below them.
    const transportOrWiring = /^main\/(ipc|app|shell)\//.test(file) || file === 'main/services.ts';
    if (inside('main/ipc') && !transportOrWiring)
      return `services must not import main/ipc (${target}): shared plumbing lives in main/shared`;
    if (pkg === 'electron' && !file.startsWith('main/app/'))
      return "only main/app/ may import 'electron': keep services runnable under plain Node";
  }
  if (file.startsWith('preload/contract/')) {
    if (pkg === 'electron' || (!isRelative && isNodeBuiltin(source)) || inside('main') || inside('renderer'))
      return 'the contract is shared by every runtime: it may import only zod and itself';
  }
  if (file.startsWith('preload/') && (inside('main') || inside('renderer'))) return 'preload may import only the contract';
  return null;
};

export const boundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the runtime and layering boundaries of Minsheng Desk' },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      const message = boundaryViolation(file, source, { typeOnly });
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
          check(node, node.arguments[0].value, false);
      },
    };
  },
};

export default { rules: { boundaries: boundariesRule } };
