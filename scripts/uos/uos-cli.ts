// `node --import tsx scripts/uos/uos-cli.ts repack <electron-builder .deb> [--out release/uos]`: the UOS
// app store package made from electron-builder's deb (uos-deb.ts), then checked; `check <deb>` checks
// one. Exit code 1, with the reasons, when the result breaks the store's rules.
import { readBuilderFacts } from '../package-check/builder-config';
import { readDebContents, repackForUos } from './uos-deb';
import { type UosApp, uosLayoutProblems } from './uos-layout';

const [command, input] = process.argv.slice(2);
const outAt = process.argv.indexOf('--out');
const outputDir = outAt === -1 ? 'release/uos' : (process.argv[outAt + 1] ?? 'release/uos');
const facts = readBuilderFacts();

const report = (file: string, app: UosApp): number => {
  const problems = uosLayoutProblems(readDebContents(file, app.appId), app);
  if (problems.length > 0) {
    console.error(`✗ ${file} 不符合 UOS 商店规范（${problems.length} 项）：`);
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  console.log(`UOS CHECK ok: ${file} (/opt/apps/${app.appId}: entries/, files/, info; no maintainer scripts, no setuid)`);
  return 0;
};

if (command === 'repack' && input) {
  const { file, app } = repackForUos({
    inputDeb: input,
    outputDir,
    app: { appId: facts.appId, name: facts.displayName, executable: facts.executableName },
    comment: facts.comment,
    udevRule: 'build-resources/linux/70-minsheng-headsets.rules',
  });
  process.exit(report(file, app));
} else if (command === 'check' && input) {
  const control = readDebContents(input, facts.appId).control;
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(control)?.[1]?.trim() ?? '';
  process.exit(
    report(input, {
      appId: facts.appId,
      name: facts.displayName,
      executable: facts.executableName,
      version: field('Version'),
      debArch: field('Architecture'),
    }),
  );
} else {
  console.error('用法：uos-cli.ts repack <electron-builder 生成的 .deb> [--out 目录] | check <.deb>');
  process.exit(2);
}
