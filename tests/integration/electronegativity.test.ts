import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFindings, runElectronegativity, unreviewed } from '../../scripts/security/electronegativity-check';

const scratch = mkdtempSync(join(tmpdir(), 'minsheng-eng-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const treeWith = (name: string, plant: (windowSource: string) => string): string => {
  const tree = join(scratch, name);
  for (const part of ['main', 'preload', 'renderer']) cpSync(part, join(tree, part), { recursive: true });
  cpSync('package.json', join(tree, 'package.json'));
  const window = join(tree, 'main', 'app', 'window.ts');
  writeFileSync(window, plant(readFileSync(window, 'utf8')));
  return tree;
};

describe('the Electronegativity gate', { timeout: 120_000 }, () => {
  it('reads the tool’s SARIF: file findings with their line, global ones as N/A', () => {
    const sarif = {
      runs: [
        {
          results: [
            {
              ruleId: 'X_CHECK',
              locations: [{ physicalLocation: { artifactLocation: { uri: 'main/a.ts' }, region: { startLine: 3 } } }],
            },
            {
              ruleId: 'Y_GLOBAL_CHECK',
              locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' }, region: { startLine: 1 } } }],
            },
          ],
        },
      ],
    };
    expect(parseFindings(JSON.stringify(sarif))).toEqual([
      { id: 'X_CHECK', file: 'main/a.ts', location: '3' },
      { id: 'Y_GLOBAL_CHECK', file: 'N/A', location: '1' },
    ]);
  });

  it('fails on a window without context isolation, sandbox or the auxclick block, and on a reviewed finding gone stale', () => {
    const tree = treeWith('careless', (source) =>
      source
        .replace('sandbox: true,', 'sandbox: false,')
        .replace('contextIsolation: true,', 'contextIsolation: false,')
        .replace("disableBlinkFeatures: 'Auxclick',", ''),
    );
    const { open } = unreviewed(runElectronegativity(tree, join(scratch, 'careless.sarif')));
    expect(open.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK']),
    );

    const withoutOpenExternal = treeWith('no-open-external', (source) =>
      source.replace("if (decision === 'external') void shell.openExternal(url);", ''),
    );
    const { stale } = unreviewed(runElectronegativity(withoutOpenExternal, join(scratch, 'stale.sarif')));
    expect(stale.map((entry) => entry.id)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
  });
});
