import { vi } from 'vitest';

/*
 * Parts of a fake `browser` for the tests that load the worker's real entry point
 * (src/background/index.ts): an event that keeps its listeners, and a storage area that keeps
 * copies of what is set, as the browser's does.
 */

export type Listener = (...args: unknown[]) => unknown;

/** An extension event (`runtime.onMessage`…) whose listeners a test can call. */
export function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: vi.fn((listener: Listener) => void listeners.push(listener)),
    removeListener: vi.fn(),
    hasListener: vi.fn(() => false),
  };
}

/** A `storage` area: `get` by one key, several, an object of defaults or all; values are copied in and out. */
export function fakeStorageArea() {
  const items = new Map<string, unknown>();
  const pick = (keys?: string | string[] | Record<string, unknown> | null) => {
    if (keys === null || keys === undefined) return Object.fromEntries(items);
    const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    return Object.fromEntries(names.filter((name) => items.has(name)).map((name) => [name, structuredClone(items.get(name))]));
  };
  return {
    items,
    get: vi.fn(async (keys?: string | string[] | null) => pick(keys)),
    set: vi.fn(async (values: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(values)) items.set(name, structuredClone(value));
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const name of [keys].flat()) items.delete(name);
    }),
  };
}
