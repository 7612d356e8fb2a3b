// Electronegativity (Doyensec's Electron security scanner) over the sources that ship — main/,
// preload/, renderer/ and package.json, copied into a scratch tree — offline (the preload in
// electronegativity-offline.cjs), with the pinned Electron version. Fails on any finding not reviewed
// in electronegativity-exclusions.ts, and on a reviewed entry that no longer matches a finding.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REVIEWED_FINDINGS, SKIPPED_CHECKS } from './electronegativity-exclusions';

export interface Finding {
  readonly id: string;
  readonly file: string;
  readonly location: string;
}

interface Sarif {
  readonly runs?: ReadonlyArray<{
    readonly results?: ReadonlyArray<{
      readonly ruleId?: string;
      readonly locations?: ReadonlyArray<{
        readonly physicalLocation?: {
          readonly artifactLocation?: { readonly uri?: string };
          readonly region?: { readonly startLine?: number };
        };
      }>;
    }>;
  }>;
}

/**
 * The tool's SARIF output (its CSV writer truncates and appends in two racing writes, which loses
 * lines); a global finding has the uri file:///, shown as N/A as the tool's own table does.
 */
export const parseFindings = (sarifText: string): Finding[] => {
  const sarif = JSON.parse(sarifText) as Sarif;
  return (sarif.runs?.[0]?.results ?? []).map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? 'file:///';
    return {
      id: result.ruleId ?? '',
      file: uri === 'file:///' ? 'N/A' : uri,
      location: String(location?.region?.startLine ?? 0),
    };
  });
};

export const unreviewed = (findings: readonly Finding[]) => ({
  open: findings.filter((finding) => !REVIEWED_FINDINGS.some((entry) => entry.id === finding.id && entry.file === finding.file)),
  stale: REVIEWED_FINDINGS.filter((entry) => !findings.some((finding) => finding.id === entry.id && finding.file === entry.file)),
});

export const runElectronegativity = (root: string, output: string): Finding[] => {
  rmSync(output, { force: true });
  const electron =
    (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron ??
    '';
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      resolve('scripts/security/electronegativity-offline.cjs'),
      resolve('node_modules/@doyensec/electronegativity/dist/index.js'),
      ...['-i', root, '-r', '-e', electron, '-x', SKIPPED_CHECKS.join(','), '-o', output, '-v', 'false'],
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (run.status !== 0) throw new Error(`electronegativity 运行失败（${run.status}）：${run.stderr.slice(0, 500)}`);
  return parseFindings(readFileSync(output, 'utf8'));
};

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve('scripts/security/electronegativity-check.ts');
if (isMain) {
  const tree = mkdtempSync(join(tmpdir(), 'minsheng-electronegativity-'));
  try {
    for (const part of ['main', 'preload', 'renderer']) cpSync(part, join(tree, part), { recursive: true });
    cpSync('package.json', join(tree, 'package.json'));
    mkdirSync('test-results', { recursive: true });
    const findings = runElectronegativity(tree, resolve('test-results/electronegativity.sarif'));
    const { open, stale } = unreviewed(findings);
    for (const finding of findings)
      console.log(`${open.includes(finding) ? '✗' : '·'} ${finding.id} ${finding.file}:${finding.location}`);
    for (const entry of stale) console.error(`✗ 复核清单中的 ${entry.id}（${entry.file}）已不再出现：请从清单删除`);
    console.log(
      `ELECTRONEGATIVITY findings=${findings.length} reviewed=${findings.length - open.length} open=${open.length} stale=${stale.length}`,
    );
    process.exitCode = open.length === 0 && stale.length === 0 ? 0 : 1;
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
