import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeEvent, fakeStorageArea, type Listener } from './fake-browser-parts';

/*
 * The worker in a browser like Firefox for Android: no `windows`, `contextMenus` or `commands`
 * (webextension-polyfill, like Firefox itself, gives undefined for them). It must start, install and
 * wake without errors; the toolbar button opens the form in a tab next to the page, and so does every
 * path that opens a window on a desktop: the right-click path and "Pick a listing on the page".
 */




const ORIGIN = 'moz-extension://4b0d3c4e-tipline/';
const PAGE = { id: 7, index: 2, windowId: 1, active: true, url: 'https://market.example/thread/1' };
let nextTabId = 100;

const browser = {
  runtime: {
    id: 'tipline@tipline.invalid',
    getURL: (path: string) => `${ORIGIN}${path}`,
    getManifest: () => ({ version: '0.1.0' }),
    onMessage: fakeEvent(),
    onStartup: fakeEvent(),
    onInstalled: fakeEvent(),
  },
  storage: { local: fakeStorageArea(), session: fakeStorageArea(), managed: { get: vi.fn(async () => ({})) }, onChanged: fakeEvent() },
  alarms: { create: vi.fn(async () => undefined), clear: vi.fn(async () => true), get: vi.fn(async () => undefined), onAlarm: fakeEvent() },
  action: {
    setPopup: vi.fn(async () => undefined),
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    onClicked: fakeEvent(),
  },
  tabs: {
    get: vi.fn(async (id: number) => (id === PAGE.id ? { ...PAGE } : { id, index: 0, windowId: 1, url: 'https://other.example/' })),
    query: vi.fn(async () => [{ ...PAGE }]),
    create: vi.fn(async (properties: { url: string; index?: number }) => ({ id: nextTabId++, ...properties })),
    update: vi.fn(async (id: number) => ({ id })),
    sendMessage: vi.fn(async (): Promise<unknown> => ({ ok: true, data: null })),
    captureVisibleTab: vi.fn(async (): Promise<string> => {
      throw new Error('no screen in this test');
    }),
    onRemoved: fakeEvent(),
  },
  webRequest: { onBeforeRequest: fakeEvent(), onBeforeRedirect: fakeEvent(), onCompleted: fakeEvent() },
  i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const problems: unknown[][] = [];
const onUnhandled = (reason: unknown) => problems.push(['unhandled rejection', reason]);

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void problems.push(args));
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void problems.push(args));
  process.on('unhandledRejection', onUnhandled);
  // A worker's global scope, for its `online` listener.
  vi.stubGlobal('self', new EventTarget());
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const fire = async (target: { listeners: Listener[] }, ...args: unknown[]) => {
  for (const listener of target.listeners) await listener(...args);
  await settle();
};
const formTabs = () => browser.tabs.create.mock.calls.map(([properties]) => properties);
const contentMessages = (type: string) =>
  (browser.tabs.sendMessage.mock.calls as unknown as [number, { type: string }, unknown][]).filter(([, message]) => message?.type === type);

describe('the worker without windows, context menus or commands (Firefox for Android)', () => {
  it('starts, installs and wakes without an error, and takes the popup off the toolbar button', async () => {
    expect('windows' in browser || 'contextMenus' in browser || 'commands' in browser).toBe(false);
    await import('../../../src/background/index');
    await settle();
    await fire(browser.runtime.onInstalled, { reason: 'install' });
    await fire(browser.runtime.onStartup);
    expect(problems).toEqual([]);
    expect(browser.action.setPopup).toHaveBeenCalledWith({ popup: '' });
    expect(browser.action.onClicked.listeners).toHaveLength(1);
    expect(browser.runtime.onMessage.listeners).toHaveLength(1);
    // Firefox for Android has webRequest: the tabs' provenance is recorded there too.
    expect(browser.webRequest.onCompleted.listeners).toHaveLength(1);
  });

  it('opens the form for the page in a tab next to it when the toolbar button is tapped', async () => {
    browser.tabs.create.mockClear();
    await fire(browser.action.onClicked, { ...PAGE });
    expect(formTabs()).toEqual([{ url: `${ORIGIN}popup/index.html?tab=7`, index: 3 }]);
    expect(problems).toEqual([]);
  });

  it('opens the right-click form in a tab, with its prepared draft', async () => {
    browser.tabs.create.mockClear();
    browser.tabs.sendMessage.mockResolvedValueOnce({ ok: false, error: 'error_no_content_script' });
    const { reportListing } = await import('../../../src/background/report-listing');
    const draft = await reportListing({ ...PAGE, highlighted: false, incognito: false, pinned: false }, {});
    expect(draft.error).toBe('error_no_content_script');
    expect(formTabs()).toEqual([{ url: `${ORIGIN}popup/index.html?tab=7&draft=${draft.draftId}`, index: 3 }]);
    expect(browser.storage.session.items.get(`draft:${draft.draftId}`)).toMatchObject({ draftId: draft.draftId, tabId: 7 });
  });

  it('picks a listing only after the form asked for it, once, and opens the form with it in a tab', async () => {
    const [route] = browser.runtime.onMessage.listeners;
    const fromForm = { id: browser.runtime.id, url: `${ORIGIN}popup/index.html?tab=7` };
    const fromPage = { id: browser.runtime.id, url: PAGE.url, tab: { ...PAGE }, frameId: 0 };
    browser.tabs.create.mockClear();
    browser.tabs.sendMessage.mockClear();

    // A tab's word that a listing was picked, with no request from the form, starts nothing.
    expect(await route!({ type: 'content/listing-picked' }, fromPage)).toEqual({ ok: true, data: false });
    expect(formTabs()).toEqual([]);

    expect(await route!({ type: 'page/pick-listing', tabId: 7 }, fromForm)).toEqual({ ok: true, data: null });
    expect(contentMessages('content/pick-listing')).toEqual([[7, { type: 'content/pick-listing' }, { frameId: 0 }]]);
    expect(browser.tabs.update).toHaveBeenCalledWith(7, { active: true });

    // A frame of the page cannot answer for it.
    expect(await route!({ type: 'content/listing-picked' }, { ...fromPage, frameId: 3 })).toEqual({ ok: true, data: false });
    browser.tabs.sendMessage.mockResolvedValueOnce({ ok: false, error: 'error_listing_gone' });
    expect(await route!({ type: 'content/listing-picked' }, fromPage)).toEqual({ ok: true, data: true });
    const asked = contentMessages('content/get-listing');
    expect(asked).toHaveLength(1);
    expect(asked[0]![1]).toMatchObject({ type: 'content/get-listing', from: 'pick' });
    expect(formTabs()).toHaveLength(1);
    expect(formTabs()[0]).toMatchObject({ url: expect.stringMatching(/popup\/index\.html\?tab=7&draft=[0-9a-f-]{36}$/), index: 3 });

    // Used once: a second word from the page is not a second report.
    expect(await route!({ type: 'content/listing-picked' }, fromPage)).toEqual({ ok: true, data: false });
    expect(formTabs()).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('refuses pick mode on a page without the content script, and leaves no request standing', async () => {
    const [route] = browser.runtime.onMessage.listeners;
    browser.tabs.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const reply = await route!({ type: 'page/pick-listing', tabId: 7 }, { id: browser.runtime.id, url: `${ORIGIN}popup/index.html?tab=7` });
    expect(reply).toEqual({ ok: false, error: 'error_no_content_script' });
    expect(browser.storage.session.items.has('pick:7')).toBe(false);
  });
});
