import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskApi, LockStatus, Result, SettingsView } from '../../../../../../preload/contract';
import { SettingsDialog } from '../../../../../../renderer/features/settings/components/SettingsDialog';
import {
  draftEdited,
  settingsChanged,
  settingsDialogOpened,
  settingsSubmitted,
  useSettingsStore,
} from '../../../../../../renderer/features/settings/settings-store';
import { provideDeskForTests } from '../../../../../../renderer/shared/desk/desk-client';
import { emptySettingsView } from '../empty-settings-view';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const view: SettingsView = emptySettingsView();

/** A desk whose settings.save answers like main does for a bad PBX address. */
const fakeDesk = (calls: string[]): DeskApi =>
  ({
    settings: {
      save: async (input: SettingsView['settings']): Promise<Result<SettingsView>> => {
        calls.push('save');
        return input.pbxServers[0]?.startsWith('wss://')
          ? { ok: true, value: { ...view, settings: input } }
          : {
              ok: false,
              error: {
                code: 'INVALID_INPUT',
                message: 'x',
                fields: [{ field: 'pbxServers.0', message: '须为 ws:// 或 wss:// 开头' }],
              },
            };
      },
      saveSipPassword: async (): Promise<Result<SettingsView>> => {
        calls.push('saveSipPassword');
        return { ok: true, value: { ...view, sipPasswordStored: true } };
      },
    },
    lock: {
      status: async (): Promise<Result<LockStatus>> => ({ ok: true, value: lockStatus(false) }),
      setPin: async ({ pin }: { pin: string }): Promise<Result<LockStatus>> => {
        calls.push('setPin');
        return pin.length >= 4
          ? { ok: true, value: lockStatus(true) }
          : {
              ok: false,
              error: { code: 'INVALID_INPUT', message: '输入有误', fields: [{ field: 'pin', message: '锁屏密码至少 4 位' }] },
            };
      },
    },
  }) as unknown as DeskApi;

const lockStatus = (pin: boolean): LockStatus => ({
  locked: false,
  credentials: { pin, platformPassword: false },
  retryAfterMs: 0,
});

afterEach(() => {
  document.body.innerHTML = '';
  useSettingsStore.setState({ view: null, dialogOpen: false, draft: null, saving: false, fieldErrors: {}, notice: null });
});

const mount = () => {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => createRoot(host).render(<SettingsDialog />));
  return host;
};

describe('settings dialog', () => {
  it('shows main’s validation message under the PBX field and keeps what the agent typed', async () => {
    const calls: string[] = [];
    provideDeskForTests(fakeDesk(calls));
    settingsChanged(view);
    const host = mount();
    act(() => settingsDialogOpened());
    act(() => draftEdited('pbxServers', 'http://pbx.example'));
    await act(() => settingsSubmitted());
    const alert = host.querySelector('.field--error .field__error');
    expect(alert?.textContent).toBe('第 1 行：须为 ws:// 或 wss:// 开头');
    expect((host.querySelector('textarea') as HTMLTextAreaElement).value).toBe('http://pbx.example');
    expect(calls).toEqual(['save']);
  });

  it('saves the password separately after the settings and closes', async () => {
    const calls: string[] = [];
    provideDeskForTests(fakeDesk(calls));
    settingsChanged(view);
    const host = mount();
    act(() => settingsDialogOpened());
    act(() => draftEdited('pbxServers', 'wss://pbx.example/ws'));
    act(() => draftEdited('sipPassword', 'secret'));
    await act(() => settingsSubmitted());
    expect(calls).toEqual(['save', 'saveSipPassword']);
    expect(host.querySelector('[role="dialog"]')).toBeNull();
    expect(useSettingsStore.getState().view?.sipPasswordStored).toBe(true);
  });

  it('sets the lock PIN after the settings; a PIN main refuses is said under its field and the dialog stays', async () => {
    const calls: string[] = [];
    provideDeskForTests(fakeDesk(calls));
    settingsChanged(view);
    const host = mount();
    await act(async () => settingsDialogOpened());
    expect(host.querySelector('[data-testid="lock-pin-state"]')?.textContent).toBe(
      '未设置：未设置锁屏密码且未登录过平台时，不会自动锁屏',
    );
    act(() => draftEdited('pbxServers', 'wss://pbx.example/ws'));
    act(() => draftEdited('lockPin', '12'));
    await act(() => settingsSubmitted());
    expect(calls).toEqual(['save', 'setPin']);
    expect(host.querySelector('.field--error .field__error')?.textContent).toBe('锁屏密码至少 4 位');
    expect(host.querySelector('[role="dialog"]')).not.toBeNull();

    act(() => draftEdited('lockPin', '2580'));
    await act(() => settingsSubmitted());
    expect(calls).toEqual(['save', 'setPin', 'save', 'setPin']);
    expect(host.querySelector('[role="dialog"]')).toBeNull();
    expect(useSettingsStore.getState().lock?.credentials.pin).toBe(true);
  });
});
