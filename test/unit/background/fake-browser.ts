import { vi } from 'vitest';

/** A stand-in for the parts of webextension-polyfill the background modules use. */
export function fakeBrowser() {
  const storage = new Map<string, unknown>();
  const alarms = new Map<string, { when?: number }>();
  return {
    storage: {
      local: {
        get: vi.fn(async (key: string) => (storage.has(key) ? { [key]: storage.get(key) } : {})),
        set: vi.fn(async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) storage.set(key, structuredClone(value));
        }),
      },
    },
    alarms: {
      create: vi.fn(async (name: string, info: { when?: number }) => void alarms.set(name, info)),
      clear: vi.fn(async (name: string) => alarms.delete(name)),
    },
    // Host access to the endpoint: granted unless a test withholds it.
    permissions: { contains: vi.fn(async (_request: { origins: string[] }) => true) },
    i18n: { getMessage: (key: string, substitutions?: string | string[]) => (substitutions === undefined ? key : `${key}(${[substitutions].flat().join('|')})`) },
    runtime: { getManifest: () => ({ version: '0.1.0' }), id: 'test-extension' },
    _alarms: alarms,
    _storage: storage,
  };
}
