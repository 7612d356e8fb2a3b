/**
 * Electronegativity findings reviewed and accepted, each with the reason. The check fails on any
 * finding not listed here and on any entry here that no longer matches a finding, so the list stays
 * the truth. `file` is relative to the scanned tree (main/, preload/, renderer/, package.json).
 */
export interface ReviewedFinding {
  readonly id: string;
  readonly file: string;
  readonly reason: string;
}

export const REVIEWED_FINDINGS: readonly ReviewedFinding[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    reason:
      'The CSP is a response header of the app:// protocol handler (main/app/protocol.ts, main/security/csp.ts), built per request with the configured PBX and platform origins; the tool only sees <meta> tags and webRequest hooks. Its value is tested in tests/unit/main/security/security.test.ts.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/app/window.ts',
    reason:
      'The one preload is the typed contextBridge (preload/): it exposes the contract’s methods only, never ipcRenderer or Node; sandbox and contextIsolation are on.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/app/window.ts',
    reason:
      'Only https: URLs reach shell.openExternal (policy sources linked from the encyclopedia, main/app/window-open.ts); every other scheme and every new window but the console’s own 大屏 (our page at ?view=wallboard, with the opener’s webPreferences) is denied.',
  },
  {
    id: 'CUSTOM_ARGUMENTS_JS_CHECK',
    file: 'main/app/electron-main.ts',
    reason:
      'The only switch disables HardwareMediaKeyHandling and MediaSessionService so that headset buttons reach the console; it widens nothing.',
  },
];

/** Checks that cannot run here or report nothing to act on. */
export const SKIPPED_CHECKS = [
  // Asks GitHub for Electron's releases: no internet in tests; the pinned version is chosen in README.
  'AvailableSecurityFixesGlobalCheck',
  // Informational: prints the Electron version found in package.json.
  'ElectronVersionJSONCheck',
];
