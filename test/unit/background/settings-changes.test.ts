import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const fake = fakeBrowser();
const addListener = vi.fn((_listener: Listener) => undefined);
const browser = { ...fake, storage: { ...fake.storage, onChanged: { addListener } } };
vi.mock('webextension-polyfill', () => ({ default: browser }));

/** A fresh copy of the module (its listener and subscribers are the worker's, once per start). */
async function freshModule() {
  vi.resetModules();
  addListener.mockClear();
  return import('../../../src/background/settings-changes');
}

/** The storage event, as the browser would deliver it to the one listener. */
function change(changes: Record<string, unknown>, area: string) {
  const listener = addListener.mock.calls[0]?.[0];
  listener?.(Object.fromEntries(Object.entries(changes).map(([key, newValue]) => [key, { newValue }])), area);
}

describe('the worker’s one subscription to settings changes', () => {
  it('registers one storage listener however many parts subscribe', async () => {
    const { listenForSettingsChanges, onLocalSettingsChange, onPolicyChange } = await freshModule();
    listenForSettingsChanges();
    onLocalSettingsChange(() => undefined);
    onLocalSettingsChange(() => undefined);
    onPolicyChange(() => undefined);
    listenForSettingsChanges();
    expect(addListener).toHaveBeenCalledTimes(1);
  });

  it('calls each subscriber for its own area and keys only, in the order they subscribed', async () => {
    const { onLocalSettingsChange, onPolicyChange } = await freshModule();
    const calls: string[] = [];
    onLocalSettingsChange((changes) => calls.push(`local ${Object.keys(changes).join()}`));
    onPolicyChange((changes) => calls.push(`policy ${Object.keys(changes).join()}`));
    onLocalSettingsChange(() => calls.push('local again'));
    change({ settings: {} }, 'local');
    change({ phraseLists: [] }, 'local');
    change({ prefilterCache: {}, drafts: {} }, 'local');
    change({ settings: {} }, 'sync');
    change({ endpointUrl: 'https://example.org' }, 'managed');
    change({}, 'managed');
    expect(calls).toEqual(['local settings', 'local again', 'local phraseLists', 'local again', 'policy endpointUrl', 'policy ']);
  });

  it('keeps a failing subscriber from stopping the others', async () => {
    const { onPolicyChange } = await freshModule();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const after = vi.fn();
    onPolicyChange(() => {
      throw new Error('broken');
    });
    onPolicyChange(after);
    change({ subscriptions: [] }, 'managed');
    expect(after).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
