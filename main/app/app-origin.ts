/** The renderer is served from a custom, privileged scheme so the CSP and sender checks have a real origin. */
export const APP_SCHEME = 'minsheng';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when a frame URL belongs to our own renderer, not to anything it may have navigated to. */
export const isAppUrl = (url: string | undefined): boolean => {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
};
