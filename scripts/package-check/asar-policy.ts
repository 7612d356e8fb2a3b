import type { AsarEntry } from './asar-listing';

/**
 * What the console's app.asar may hold: the built app and its runtime dependencies, nothing of the
 * tools, the tests, the sources or the build. Each rule says why in its message.
 */
const REQUIRED = [
  'package.json',
  'dist/main/electron-main.cjs',
  'dist/main/db-worker.cjs',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
];

const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^dist\/tools\//, '演示数据工具（dist/tools）不属于坐席'],
  [/^dist\/shell\//, '浏览器模式服务（dist/shell）不属于桌面版'],
  [/^(tests|scripts|main|renderer|preload|native|docs)\//, '源代码、测试或脚本'],
  [/\.map$/, 'source map'],
  [/(^|\/)\.cache\//, '构建缓存'],
  [/^node_modules\/electron\//, 'electron 包只是开发时的启动器'],
  [/^node_modules\/better-sqlite3-multiple-ciphers\/(deps|src|build)\//, 'SQLite 的 C 源码与编译中间文件'],
  [/^node_modules\/node-hid\/(hidapi|src)\//, 'hidapi 的 C 源码'],
  [/^node_modules\/node-addon-api\//, 'node-addon-api 只在编译时需要'],
  [/\.(o|a|obj|lib|gyp|gypi|c|cc|cpp|h|hpp)$/, '编译输入或中间文件'],
];

export interface PolicyReport {
  readonly problems: string[];
  readonly natives: string[];
}

export const checkAsarEntries = (entries: readonly AsarEntry[]): PolicyReport => {
  const problems: string[] = [];
  const paths = new Set(entries.map((entry) => entry.path));
  for (const wanted of REQUIRED) if (!paths.has(wanted)) problems.push(`缺少 ${wanted}`);
  for (const entry of entries) {
    const rule = FORBIDDEN.find(([pattern]) => pattern.test(entry.path));
    if (rule) problems.push(`不应打包：${entry.path}（${rule[1]}）`);
  }
  const natives = entries.filter((entry) => entry.path.endsWith('.node'));
  for (const native of natives) if (!native.unpacked) problems.push(`原生模块未解包：${native.path}（asar 内的 .node 无法加载）`);
  return { problems, natives: natives.map((native) => native.path) };
};
