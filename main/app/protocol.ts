import { protocol } from 'electron';
import { configuredOrigins, buildCsp } from '../security/csp';
import type { DeskServices } from '../services';
import { readStaticFile } from '../shell/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before app 'ready': the scheme needs standard+secure to get an origin, storage and media. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
};

export const serveRenderer = (rendererDir: string, services: DeskServices): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('not found', { status: 404 });
    const csp = buildCsp({ extraConnect: configuredOrigins(await services.settings.current()) });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
    });
  });
};
