import { isAppUrl } from './app-origin';

export type WindowOpenDecision = 'wallboard' | 'external' | 'deny';

/**
 * What a window.open from the console may become: the hall's 大屏 (our own page at ?view=wallboard,
 * nothing else in its query), an official https page in the system browser, or nothing.
 */
export const windowOpenDecision = (url: string): WindowOpenDecision => {
  if (/^https:\/\//i.test(url)) return 'external';
  if (!isAppUrl(url)) return 'deny';
  const parsed = new URL(url);
  const keys = [...parsed.searchParams.keys()];
  return parsed.pathname === '/index.html' && keys.length === 1 && parsed.searchParams.get('view') === 'wallboard' && !parsed.hash
    ? 'wallboard'
    : 'deny';
};
