import browser from 'webextension-polyfill';

/** Every user-facing string goes through `_locales`; a missing key shows itself rather than an empty label. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
