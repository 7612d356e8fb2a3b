import type { ProfileKind } from '../training/training-repo';

export type { ProfileKind };

/**
 * 培训模式 is asked for at start (`--training`, or MINSHENG_TRAINING=1) and lives in a profile of
 * its own: the default training profile sits next to the production one, never inside it.
 */
export const requestedProfileKind = (env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): ProfileKind =>
  env.MINSHENG_TRAINING === '1' || argv.includes('--training') ? 'training' : 'production';

export const TRAINING_DIR_SUFFIX = '-training';

export class ProfileKindMismatch extends Error {
  constructor(profileDir: string, stored: ProfileKind) {
    super(
      stored === 'production'
        ? `${profileDir} 是生产配置，不能以培训模式打开：培训请使用单独的配置目录（不指定 MINSHENG_PROFILE 时自动使用培训配置）`
        : `${profileDir} 是培训配置，不能用于接听真实来电：请去掉 --training / MINSHENG_TRAINING，或换用生产配置目录`,
    );
  }
}
