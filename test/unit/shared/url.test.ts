import { describe, expect, it } from 'vitest';
import { isRestrictedUrl, stripUserInfo } from '../../../src/shared/url';

describe('url rules', () => {
  it('strips user:pass@ and leaves other URLs alone', () => {
    expect(stripUserInfo('https://bob:secret@shop.example/x?q=1')).toBe('https://shop.example/x?q=1');
    expect(stripUserInfo('https://shop.example/x')).toBe('https://shop.example/x');
    expect(stripUserInfo('not a url')).toBe('not a url');
  });

  it('knows the pages extensions cannot touch', () => {
    for (const url of ['chrome://settings', 'about:blank', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/x', undefined]) {
      expect(isRestrictedUrl(url)).toBe(true);
    }
    expect(isRestrictedUrl('https://forum.example/thread/1')).toBe(false);
  });
});
