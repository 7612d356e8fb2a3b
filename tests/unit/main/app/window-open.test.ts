import { describe, expect, it } from 'vitest';
import { windowOpenDecision } from '../../../../main/app/window-open';

describe('what a window.open from the console may become', () => {
  it('opens the 大屏 only as our own page at ?view=wallboard, https pages outside, and nothing else', () => {
    expect(windowOpenDecision('minsheng://desk/index.html?view=wallboard')).toBe('wallboard');
    expect(windowOpenDecision('https://www.gov.cn/zhengce/')).toBe('external');
    for (const refused of [
      'minsheng://desk/index.html',
      'minsheng://desk/index.html?view=wallboard&x=1',
      'minsheng://desk/index.html?view=wallboard#top',
      'minsheng://desk/other.html?view=wallboard',
      'minsheng://evil/index.html?view=wallboard',
      'http://127.0.0.1:8080/?view=wallboard',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(windowOpenDecision(refused), refused).toBe('deny');
  });
});
