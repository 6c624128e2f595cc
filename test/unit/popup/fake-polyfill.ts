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

type PermissionListener = () => void;
/** The host access the fake browser grants; a test sets `answer` to what its prompt answers. */
export const hostAccess = {
  answer: (async () => true) as () => Promise<boolean>,
  granted: true,
  listeners: new Set<PermissionListener>(),
  /** As when the user grants access elsewhere (the browser's site-access settings). */
  grant() {
    this.granted = true;
    for (const listener of this.listeners) listener();
  },
};

const browser = {
  permissions: {
    request: vi.fn(() => hostAccess.answer()),
    contains: vi.fn(async () => hostAccess.granted),
    remove: vi.fn(async () => true),
    onAdded: {
      addListener: (listener: PermissionListener) => hostAccess.listeners.add(listener),
      removeListener: (listener: PermissionListener) => hostAccess.listeners.delete(listener),
    },
  },
  i18n: { getMessage: message, getUILanguage: () => 'en' },
  tabs: { create: vi.fn(async () => ({})), query: vi.fn(async () => []) },
  runtime: {
    /** Chrome's manifest by default: it offers MHTML snapshots behind the optional pageCapture. */
    getManifest: vi.fn(() => ({ optional_permissions: ['pageCapture'] })),
    sendMessage: vi.fn(async () => {
      throw new Error('the pages under test reach the background through the double only');
    }),
  },
};

export default browser;
