import browser from 'webextension-polyfill';

export function clientInfo(): { name: 'tipline'; version: string; browser: string } {
  return {
    name: 'tipline',
    version: browser.runtime.getManifest().version,
    browser: navigator.userAgent.slice(0, 200),
  };
}
