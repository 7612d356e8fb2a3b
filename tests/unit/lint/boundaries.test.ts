import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it lived at `filePath`, with the project's real configuration. */
const boundaryErrors = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'desk/boundaries').map((m) => m.message);
};

describe('lint: dependency boundaries', () => {
  it.each([
    [
      'renderer/features/phone/bad.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
      /never import 'electron'/,
    ],
    [
      'renderer/features/phone/bad.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      /Node built-ins/,
    ],
    ['renderer/shared/bad.ts', "import path from 'path';\nexport const x = path;", /Node built-ins/],
    [
      'renderer/features/kb/bad.ts',
      "import { openDatabase } from '../../../main/db/open-database';\nexport const x = openDatabase;",
      /go through the contract/,
    ],
    [
      'renderer/features/kb/bad.ts',
      "import { contract } from '../../../preload/contract';\nexport const x = contract;",
      /only types from preload\/contract/,
    ],
    [
      'renderer/features/kb/bad.ts',
      "import { useSettingsStore } from '../settings/settings-store';\nexport const x = useSettingsStore;",
      /feature 'kb' must not import feature 'settings'/,
    ],
    ['renderer/shared/ui/bad.ts', "import { App } from '../../app/App';\nexport const x = App;", /renderer\/app wires features/],
    [
      'main/settings/domain/bad.ts',
      "import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;",
      /domain code must stay pure/,
    ],
    [
      'main/settings/domain/bad.ts',
      "import { writeFileSync } from 'node:fs';\nexport const x = writeFileSync;",
      /domain code must stay pure/,
    ],
    [
      'renderer/features/phone/domain/bad.ts',
      "import { useState } from 'react';\nexport const x = useState;",
      /domain code must stay pure/,
    ],
    ['main/settings/bad.ts', "import { app } from 'electron';\nexport const x = app;", /only main\/app\/ may import 'electron'/],
    [
      'main/settings/bad.ts',
      "import { App } from '../../renderer/app/App';\nexport const x = App;",
      /main must never import renderer/,
    ],
    ['preload/contract/bad.ts', "import { join } from 'node:path';\nexport const x = join;", /only zod and itself/],
    [
      'main/kb/kb-service.ts',
      "import { createDispatcher } from '../ipc/dispatcher';\nexport const x = createDispatcher;",
      /services must not import main\/ipc/,
    ],
    [
      'main/workorders/domain/bad.ts',
      "import { intakeRepo } from '../intake-repo';\nexport const x = intakeRepo;",
      /may not import a repository/,
    ],
  ])('%s: %s is an error', async (file, code, message) => {
    const errors = await boundaryErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['renderer/features/kb/ok.ts', "import type { DeskApi } from '../../../preload/contract';\nexport type X = DeskApi;"],
    ['renderer/features/kb/ok.ts', "import { t } from '../../shared/i18n/t';\nexport const x = t;"],
    ['renderer/app/ok.ts', "import { KbPanel } from '../features/kb';\nexport const x = KbPanel;"],
    ['main/app/ok.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['main/settings/ok.ts', "import { join } from 'node:path';\nexport const x = join;"],
    ['main/kb/ok.ts', "import { DeskFailure } from '../shared/desk-failure';\nexport const x = DeskFailure;"],
    ['main/shell/ok.ts', "import { failureOf } from '../ipc/dispatcher';\nexport const x = failureOf;"],
    ['preload/index.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  it('fails the whole lint run (non-zero) on a fixture that imports electron from the renderer', async () => {
    const [result] = await eslint.lintText("import { shell } from 'electron';\nexport const open = shell;\n", {
      filePath: 'renderer/features/phone/fixture.ts',
    });
    expect(result?.errorCount).toBeGreaterThan(0);
  });
});
