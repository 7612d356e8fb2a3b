import { readFileSync } from 'node:fs';

/** The few electron-builder.yml values the checks need, read without a YAML dependency (top-level keys only). */
export interface BuilderFacts {
  readonly appId: string;
  readonly productName: string;
  readonly executableName: string;
  readonly electronVersion: string;
  readonly displayName: string;
  readonly comment: string;
  readonly depends: string[];
}

export const readBuilderFacts = (file = 'electron-builder.yml'): BuilderFacts => {
  const text = readFileSync(file, 'utf8');
  const top = (key: string) => new RegExp(`^${key}:\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
  const nested = (key: string) => new RegExp(`^\\s+${key}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const dependsBlock = /^ {2}depends:\n((?: {4}.*\n)+)/m.exec(text)?.[1] ?? '';
  return {
    appId: top('appId'),
    productName: top('productName'),
    executableName: top('executableName'),
    electronVersion: top('electronVersion'),
    displayName: nested('Name'),
    comment: nested('Comment'),
    depends: dependsBlock
      .split('\n')
      .map((line) => /^ {4}- (\S+)/.exec(line)?.[1])
      .filter((name): name is string => Boolean(name)),
  };
};
