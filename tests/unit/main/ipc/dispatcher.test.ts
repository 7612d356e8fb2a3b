import { describe, expect, it } from 'vitest';
import { type CallContext, type DeskHandlers, methodPaths } from '../../../../preload/contract';
import { DeskFailure } from '../../../../main/shared/desk-failure';
import { createDispatcher } from '../../../../main/ipc/dispatcher';
import { createLogger } from '../../../../main/log/logger';
import { defaultSettings } from '../../../../main/settings/domain/settings-defaults';
import { useTempDirs } from '../../../harness/temp-dir';
import { startTestServices } from '../../../harness/test-services';

const tempDir = useTempDirs();

const context: CallContext = { transport: 'test', origin: 'test://' };
const view = {
  settings: defaultSettings,
  sipPasswordStored: false,
  platformTokenStored: false,
  secretStorage: { mode: 'memory-only' as const, detail: '' },
};

/** Only the namespaces these tests call; the contract-wide check below uses the real services. */
const makeHandlers = (overrides: Partial<DeskHandlers['settings']> = {}): DeskHandlers => {
  const partial: Pick<DeskHandlers, 'app' | 'settings'> = {
    app: {
      info: () => ({
        version: '1',
        transport: 'browser-shell',
        profileDir: '/p',
        platform: 'linux',
        schemaVersion: 1,
        profileKind: 'production',
      }),
    },
    settings: {
      get: () => view,
      save: (settings) => ({ ...view, settings }),
      saveSipPassword: () => ({ ...view, sipPasswordStored: true }),
      clearSipPassword: () => view,
      ...overrides,
    },
  };
  return partial as DeskHandlers;
};

const logged: string[] = [];
const log = createLogger({ echo: (line) => logged.push(line) });

describe('dispatcher', () => {
  it('answers a valid call with ok and the parsed output', async () => {
    const dispatch = createDispatcher(makeHandlers(), log);
    const result = await dispatch('settings.save', { ...defaultSettings, sipExtension: ' 8001 ' }, context);
    expect(result).toEqual({ ok: true, value: { ...view, settings: { ...defaultSettings, sipExtension: '8001' } } });
  });

  it('rejects an invalid payload with INVALID_INPUT naming each bad field, and never calls the handler', async () => {
    let called = false;
    const dispatch = createDispatcher(
      makeHandlers({
        save: () => {
          called = true;
          return view;
        },
      }),
      log,
    );
    const result = await dispatch(
      'settings.save',
      { ...defaultSettings, pbxServers: ['http://pbx.example'], sipExtension: 'abc', centreCode: 12 },
      context,
    );
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.map((f) => f.field).sort()).toEqual(['centreCode', 'pbxServers.0', 'sipExtension']);
    expect(result.error.message).toMatch(/pbxServers\.0：话务服务器地址须为 ws:\/\/ 或 wss:\/\//);
  });

  it('rejects a payload that is not an object at all', async () => {
    const result = await createDispatcher(makeHandlers(), log)('settings.save', 'DROP TABLE settings', context);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('rejects unknown methods, including prototype names', async () => {
    const dispatch = createDispatcher(makeHandlers(), log);
    for (const method of [
      'settings.nope',
      'nope.get',
      'settings',
      'settings.get.extra',
      '__proto__.toString',
      'settings.constructor',
      42,
    ]) {
      expect(await dispatch(method, undefined, context)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('passes a DeskFailure through with its own code and hides unexpected errors behind INTERNAL', async () => {
    const failing = createDispatcher(
      makeHandlers({
        get: () => {
          throw new DeskFailure('NOT_FOUND', '没有这个');
        },
        clearSipPassword: () => {
          throw new Error('secret internals at /home/agent/.config');
        },
      }),
      log,
    );
    expect(await failing('settings.get', undefined, context)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有这个' },
    });
    const internal = await failing('settings.clearSipPassword', undefined, context);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('/home/agent');
  });

  it('refuses to hand the renderer an output that breaks the contract', async () => {
    const dispatch = createDispatcher(makeHandlers({ get: () => ({ nonsense: true }) as never }), log);
    expect(await dispatch('settings.get', undefined, context)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('knows a handler for every method of the contract', async () => {
    const services = await startTestServices(tempDir());
    for (const path of methodPaths()) {
      const result = await services.dispatch(path, undefined, context);
      if (!result.ok) expect(result.error.code, path).not.toBe('UNKNOWN_METHOD');
    }
    await services.close();
    expect(methodPaths()).toContain('intake.submit');
  });
});
