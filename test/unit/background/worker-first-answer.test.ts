import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeEvent, fakeStorageArea } from './fake-browser-parts';

/*
 * The worker as its entry point wires it (src/background/index.ts): a browser start asks for start-up
 * work (queue drain, cleanup, prefilter rebuild, sending what was kept locally), and a page that opens
 * at the same time is answered first; the work runs after the answer (src/background/startup-work.ts).
 * Fails if the entry point runs any of that work in front of the router again.
 */




const ORIGIN = 'chrome-extension://tipline-test/';
const browser = {
  runtime: { id: 'tipline-test', getURL: (path: string) => `${ORIGIN}${path}`, getManifest: () => ({ version: '0.1.0' }), onMessage: fakeEvent(), onStartup: fakeEvent(), onInstalled: fakeEvent() },
  storage: { local: fakeStorageArea(), session: fakeStorageArea(), managed: { get: vi.fn(async () => ({})) }, onChanged: fakeEvent() },
  alarms: { create: vi.fn(async () => undefined), clear: vi.fn(async () => true), get: vi.fn(async () => undefined), onAlarm: fakeEvent() },
  action: { setPopup: vi.fn(async () => undefined), setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), onClicked: fakeEvent() },
  tabs: { get: vi.fn(async (id: number) => ({ id, index: 0, windowId: 1, url: 'https://other.example/' })), query: vi.fn(async () => []), onRemoved: fakeEvent() },
  webRequest: { onBeforeRequest: fakeEvent(), onBeforeRedirect: fakeEvent(), onCompleted: fakeEvent() },
  i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

// The start-up tasks, recorded: each is what index.ts hands to createStartupWork.
const ran: string[] = [];
const task = (name: string) => vi.fn(async () => void ran.push(name));
vi.mock('../../../src/background/queue', async (original) => ({ ...(await original<object>()), drainQueue: task('drain-queue') }));
vi.mock('../../../src/background/retention', async (original) => ({ ...(await original<object>()), dailyCleanup: task('cleanup') }));
vi.mock('../../../src/background/prefilter-cache', async (original) => ({ ...(await original<object>()), refreshPrefilterCache: task('rebuild-prefilter') }));
vi.mock('../../../src/background/ui-handlers', async (original) => ({ ...(await original<object>()), sendLocalIfEndpoint: task('send-local') }));

beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal('self', new EventTarget());
});

afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the worker entry point at a browser start', () => {
  it('answers the options page before any start-up work runs, and runs the work after the answer', async () => {
    await import('../../../src/background/index');
    for (const listener of browser.runtime.onStartup.listeners) listener();
    const [route] = browser.runtime.onMessage.listeners;
    const reply = (await route!({ type: 'settings/get' }, { id: browser.runtime.id, url: `${ORIGIN}options/index.html` })) as { ok: boolean; data: { highlight: unknown } };
    expect(reply.ok).toBe(true);
    expect(reply.data.highlight).toBeDefined();
    expect(ran).toEqual([]);
    // After the answer (and a quiet spell), what the start asked for runs.
    await vi.waitFor(() => expect([...ran].sort()).toEqual(['cleanup', 'drain-queue', 'rebuild-prefilter', 'send-local']), { timeout: 5000, interval: 20 });
  });
});
