import { beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The webRequest listeners behind a report's provenance (src/background/navigation-recorder.ts), fed
 * the events Chrome and Firefox fire for a top-level navigation, against an in-memory storage.session.
 */

type Listener = (...args: unknown[]) => unknown;
function event() {
  const listeners: { listener: Listener; filter: unknown; extra: unknown }[] = [];
  return { listeners, addListener: vi.fn((listener: Listener, filter?: unknown, extra?: unknown) => void listeners.push({ listener, filter, extra })) };
}

const session = new Map<string, unknown>();
const browser = {
  storage: {
    session: {
      get: vi.fn(async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {})),
      set: vi.fn(async (items: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
      }),
      remove: vi.fn(async (key: string) => void session.delete(key)),
    },
  },
  webRequest: { onBeforeRequest: event(), onBeforeRedirect: event(), onCompleted: event() },
  tabs: { onRemoved: event() },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const recorder = await import('../../../src/background/navigation-recorder');
const { latestNavigation, navigationCompleted, navigationRedirected, navigationStarted, recordNavigations, tabClosed } = recorder;

const base = { requestId: '41', tabId: 3, frameId: 0 };
const FINAL_HEADERS = [
  { name: 'Date', value: 'Sun, 06 Dec 2026 08:00:00 GMT' },
  { name: 'Content-Type', value: 'text/html' },
  { name: 'X-Test-Hop', value: 'final' },
];

/** One navigation as the browser reports it: each hop starts again under the same request id. */
function navigate(over: Partial<typeof base> = {}) {
  const at = { ...base, ...over };
  navigationStarted({ ...at, url: 'http://user:pw@127.0.0.1/a' });
  navigationRedirected({ ...at, url: 'http://user:pw@127.0.0.1/a', statusCode: 302 });
  navigationStarted({ ...at, url: 'http://127.0.0.1/b' });
  navigationRedirected({ ...at, url: 'http://127.0.0.1/b', statusCode: 301 });
  navigationStarted({ ...at, url: 'http://127.0.0.1/c' });
  navigationCompleted({ ...at, url: 'http://127.0.0.1/c', statusCode: 200, ip: '127.0.0.1', responseHeaders: FINAL_HEADERS });
}

beforeEach(() => session.clear());

describe('navigation recorder', () => {
  it('registers observing listeners for top-level documents only, with the response headers on completion', () => {
    recordNavigations();
    const filter = { urls: ['<all_urls>'], types: ['main_frame'] };
    expect(browser.webRequest.onBeforeRequest.listeners[0]).toMatchObject({ filter, extra: undefined });
    expect(browser.webRequest.onBeforeRedirect.listeners[0]).toMatchObject({ filter, extra: undefined });
    expect(browser.webRequest.onCompleted.listeners[0]).toMatchObject({ filter, extra: ['responseHeaders'] });
    expect(browser.tabs.onRemoved.listeners).toHaveLength(1);
  });

  it('keeps the chain of a redirected navigation, its status, address and allowed headers, without credentials', async () => {
    navigate();
    expect(await latestNavigation(3)).toEqual({
      requestId: '41',
      redirects: [
        { url: 'http://127.0.0.1/a', status: 302 },
        { url: 'http://127.0.0.1/b', status: 301 },
      ],
      final: { url: 'http://127.0.0.1/c', status: 200, ip: '127.0.0.1', headers: { date: 'Sun, 06 Dec 2026 08:00:00 GMT', 'content-type': 'text/html' } },
    });
    expect([...session.keys()]).toEqual(['navigation:3']);
  });

  it('keeps only the latest navigation of a tab; one that has not finished has no final response', async () => {
    navigate();
    navigationStarted({ ...base, requestId: '42', url: 'http://127.0.0.1/next' });
    expect(await latestNavigation(3)).toEqual({ requestId: '42', redirects: [] });
  });

  it('ignores prerendered pages and requests outside a tab, and keeps tabs apart', async () => {
    navigate();
    navigationStarted({ requestId: '50', tabId: 3, frameId: 5, url: 'http://127.0.0.1/prerendered' });
    navigationStarted({ requestId: '51', tabId: 3, frameId: 0, documentLifecycle: 'prerender', url: 'http://127.0.0.1/prerendered' } as never);
    navigationStarted({ requestId: '52', tabId: -1, frameId: 0, url: 'http://127.0.0.1/worker' });
    navigate({ tabId: 4, requestId: '60' });
    expect((await latestNavigation(3))?.requestId).toBe('41');
    expect((await latestNavigation(4))?.final?.url).toBe('http://127.0.0.1/c');
  });

  it('keeps nothing of a navigation whose start it did not see, or that goes past the redirect limit', async () => {
    navigationCompleted({ ...base, url: 'http://127.0.0.1/c', statusCode: 200, responseHeaders: [] });
    expect(await latestNavigation(3)).toBeUndefined();
    navigationStarted({ ...base, url: 'http://127.0.0.1/loop' });
    for (let hop = 0; hop < 40; hop++) navigationRedirected({ ...base, url: `http://127.0.0.1/loop/${hop}`, statusCode: 302 });
    navigationCompleted({ ...base, url: 'http://127.0.0.1/end', statusCode: 200, responseHeaders: [] });
    expect(await latestNavigation(3)).toBeUndefined();
  });

  it('forgets a tab when it closes', async () => {
    navigate();
    tabClosed(3);
    expect(await latestNavigation(3)).toBeUndefined();
    expect(session.size).toBe(0);
  });

  it('answers none, not an error, when storage.session fails', async () => {
    browser.storage.session.get.mockRejectedValueOnce(new Error('storage broken'));
    expect(await latestNavigation(3)).toBeUndefined();
  });
});
