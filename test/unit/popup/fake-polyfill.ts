import { vi } from 'vitest';

/*
 * The parts of webextension-polyfill the extension pages touch, for `vi.mock('webextension-polyfill',
 * () => import('./fake-polyfill'))`. A message reads as its key, with its substitutions in brackets,
 * so a test can tell which sentence, with which details, a page shows.
 */
export function message(key: string, substitutions?: string | string[]): string {
  if (substitutions === undefined) return key;
  return `${key}(${[substitutions].flat().join('|')})`;
}

const browser = {
  i18n: { getMessage: message, getUILanguage: () => 'en' },
  tabs: { create: vi.fn(async () => ({})), query: vi.fn(async () => []) },
  runtime: {
    sendMessage: vi.fn(async () => {
      throw new Error('the pages under test reach the background through the double only');
    }),
  },
};

export default browser;
