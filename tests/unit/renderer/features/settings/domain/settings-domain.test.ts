import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../../../../preload/contract';
import {
  draftFromView,
  fieldErrorsFrom,
  settingsFromDraft,
} from '../../../../../../renderer/features/settings/domain/settings-draft';
import { missingSetup, pbxReadiness } from '../../../../../../renderer/features/settings/domain/setup-checklist';
import { t } from '../../../../../../renderer/shared/i18n/t';
import { emptySettingsView } from '../empty-settings-view';

const empty: SettingsView = emptySettingsView('');

describe('settings form', () => {
  it('edits PBX servers one per line, in order, ignoring blank lines and spaces', () => {
    const draft = {
      ...draftFromView(empty),
      pbxServers: ' wss://a.example/ws \n\n wss://b.example/ws\r\n',
      sipExtension: ' 8001 ',
    };
    expect(settingsFromDraft(draft)).toMatchObject({
      pbxServers: ['wss://a.example/ws', 'wss://b.example/ws'],
      sipExtension: '8001',
    });
  });

  it('never pre-fills the password field', () => {
    expect(draftFromView({ ...empty, sipPasswordStored: true }).sipPassword).toBe('');
  });

  it('puts main’s field problems on the field they came from, with the line number for PBX servers', () => {
    expect(
      fieldErrorsFrom([
        { field: 'pbxServers.1', message: '须为 ws://' },
        { field: 'pbxServers', message: '地址重复' },
        { field: 'centreCode', message: '须为 6 位' },
      ]),
    ).toEqual({ pbxServers: '第 2 行：须为 ws://；地址重复', centreCode: '须为 6 位' });
  });
});

describe('setup checklist', () => {
  it('lists everything on the default profile and nothing once configured', () => {
    expect(missingSetup(empty)).toEqual(['pbxServers', 'sipExtension', 'sipPassword', 'platformUrl', 'centreCode', 'agentId']);
    const done: SettingsView = {
      ...empty,
      sipPasswordStored: true,
      settings: {
        ...empty.settings,
        pbxServers: ['wss://a/ws'],
        sipExtension: '8001',
        platformUrl: 'https://p',
        centreCode: '320505',
        agentId: 'A1',
        retentionDays: 180,
        idleLockMinutes: 10,
        fieldCipher: 'none',
      },
    };
    expect(missingSetup(done)).toEqual([]);
    expect(pbxReadiness(done)).toBe('ready');
    expect(pbxReadiness({ ...done, sipPasswordStored: false })).toBe('incomplete');
    expect(pbxReadiness(empty)).toBe('unconfigured');
    expect(pbxReadiness(null)).toBe('unconfigured');
  });

  it('asks a training profile for no platform address: it never syncs', () => {
    expect(missingSetup(empty, { needsPlatform: false })).toEqual([
      'pbxServers',
      'sipExtension',
      'sipPassword',
      'centreCode',
      'agentId',
    ]);
  });
});

describe('string catalogue', () => {
  it('speaks Simplified Chinese and fills parameters', () => {
    expect(t('phone.registration.unconfigured')).toBe('未配置话务服务器');
    expect(t('settings.secretStorage', { detail: 'Windows DPAPI' })).toBe('密码保存方式：Windows DPAPI');
  });
});
