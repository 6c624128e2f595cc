import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, fakeStorageArea } from './fake-browser-parts';
import { freshDatabase } from './fresh-database';

/*
 * The worker's start (src/background/index.ts) with a policy kept from the last read
 * (src/store/policy-store.ts): when the browser's own policy turns out to differ, that is a change of
 * policy, as if the browser had announced it while running. Here: a policy that names a list has it
 * fetched at once; the same policy as kept, or a first read with nothing kept, fetches nothing.
 */




const ORIGIN = 'chrome-extension://test-extension/';
const LIST = 'https://lists.example.org/policy.json';
let policy: unknown = {};

function fakeBrowser() {
  return {
    runtime: { id: 'test-extension', getURL: (path: string) => `${ORIGIN}${path}`, getManifest: () => ({ version: '0.1.0' }), onMessage: fakeEvent(), onStartup: fakeEvent(), onInstalled: fakeEvent() },
    storage: { local: fakeStorageArea(), session: fakeStorageArea(), managed: { get: vi.fn(async () => policy) }, onChanged: fakeEvent() },
    alarms: { create: vi.fn(async () => undefined), clear: vi.fn(async () => true), get: vi.fn(async () => undefined), onAlarm: fakeEvent() },
    action: { setPopup: vi.fn(async () => undefined), onClicked: fakeEvent() },
    tabs: { query: vi.fn(async () => []), sendMessage: vi.fn(async () => undefined) },
    permissions: { contains: vi.fn(async () => true), onAdded: fakeEvent() },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
  };
}
let browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: new Proxy({}, { get: (_target, name) => browser[name as keyof typeof browser] }) }));

const refreshSubscriptions = vi.fn(async () => ({}));
vi.mock('../../../src/background/subscriptions', async (original) => ({ ...(await original<object>()), refreshSubscriptions }));

beforeEach(async () => {
  await freshDatabase();
  vi.resetModules();
  browser = fakeBrowser();
  refreshSubscriptions.mockClear();
  vi.stubGlobal('self', new EventTarget());
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/**
 * The worker starts; resolves once it has compared the browser's policy with the kept one (a second
 * comparison waits for the same reads, so it ends after the worker's) and kept the browser's.
 */
async function startWorker(): Promise<void> {
  await import('../../../src/background/index');
  const { keepLivePolicy } = await import('../../../src/background/ui-policy');
  await keepLivePolicy();
  const { readKeptPolicy } = await import('../../../src/store/policy-store');
  expect(await readKeptPolicy()).toEqual({ value: policy });
}

describe('the policy kept from the last read, at the worker’s start', () => {
  it('treats a browser policy that differs from the kept one as a change: its lists are fetched at once', async () => {
    const { keepPolicy } = await import('../../../src/store/policy-store');
    await keepPolicy({});
    policy = { subscriptions: [LIST] };
    await startWorker();
    expect(refreshSubscriptions).toHaveBeenCalledTimes(1);
  });

  it('fetches nothing when the browser’s policy is the kept one', async () => {
    const { keepPolicy } = await import('../../../src/store/policy-store');
    policy = { subscriptions: [LIST] };
    await keepPolicy(policy);
    await startWorker();
    expect(refreshSubscriptions).not.toHaveBeenCalled();
  });

  it('keeps the first policy it reads without calling it a change', async () => {
    policy = { subscriptions: [LIST] };
    await startWorker();
    expect(refreshSubscriptions).not.toHaveBeenCalled();
  });
});
