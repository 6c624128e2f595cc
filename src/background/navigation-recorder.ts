import browser from 'webextension-polyfill';
import { allowedHeaders, navigationSchema, type Navigation } from './provenance';
import { stripUserInfo } from '../shared/url';

/*
 * Records how each tab reached its top-level document, for a report's `page.provenance`
 * (provenance.ts, docs/PRIVACY.md): the redirects, the final status, the server's address and a few
 * response headers. Observational webRequest listeners on `main_frame` requests only, never blocking.
 * They wake the worker on every navigation, so each does one storage.session read and write and
 * nothing else. Only the latest navigation of a tab is kept, in storage.session (memory, gone when the
 * browser closes), and it is dropped when the tab closes. URLs are kept without `user:password@`.
 */

const KEY_PREFIX = 'navigation:';
const key = (tabId: number) => `${KEY_PREFIX}${tabId}`;

/** What the listeners read of a request; Chrome adds frameId and documentLifecycle to every event. */
interface RequestEvent {
  requestId: string;
  tabId: number;
  url: string;
  frameId?: number;
  documentLifecycle?: string;
}

/**
 * A tab's own top-level document only: not a request outside any tab (tabId -1), and not a page
 * Chrome prerenders beside the one shown (its main frame has a frame id of its own).
 */
function ofTab(details: RequestEvent): boolean {
  return details.tabId >= 0 && (details.frameId ?? 0) === 0 && details.documentLifecycle !== 'prerender';
}

// The events of one navigation come in order but their handlers wait on storage: each waits for the
// one before, so that a redirect's write is not lost to the next event's read. Nothing is kept here.
let tail: Promise<unknown> = Promise.resolve();
function inOrder(task: () => Promise<unknown>): void {
  tail = tail.then(task).catch((error: unknown) => console.warn('tipline: navigation record', error));
}

async function read(tabId: number): Promise<Navigation | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  const parsed = navigationSchema.safeParse(stored[key(tabId)]);
  return parsed.success ? parsed.data : undefined;
}

/** Keeps a navigation, or, when it would not be valid (too many redirects, a strange status), none. */
async function write(tabId: number, navigation: Navigation): Promise<void> {
  const parsed = navigationSchema.safeParse(navigation);
  if (parsed.success) await browser.storage.session.set({ [key(tabId)]: parsed.data });
  else await browser.storage.session.remove(key(tabId));
}

/**
 * A new navigation replaces the tab's last one, so a failed load leaves nothing rather than the page
 * before. Each hop of a redirect starts again under the same request id: that continues the chain.
 */
export function navigationStarted(details: RequestEvent): void {
  if (!ofTab(details)) return;
  inOrder(async () => {
    if ((await read(details.tabId))?.requestId !== details.requestId) await write(details.tabId, { requestId: details.requestId, redirects: [] });
  });
}

export function navigationRedirected(details: RequestEvent & { statusCode: number }): void {
  if (!ofTab(details)) return;
  inOrder(async () => {
    const known = await read(details.tabId);
    // Its start went unseen (the extension was installed mid-way): its chain is not known, so nothing is kept.
    if (known?.requestId !== details.requestId) return browser.storage.session.remove(key(details.tabId));
    await write(details.tabId, { ...known, redirects: [...known.redirects, { url: stripUserInfo(details.url), status: details.statusCode }] });
  });
}

export function navigationCompleted(details: RequestEvent & { statusCode: number; ip?: string; responseHeaders?: { name: string; value?: string }[] }): void {
  if (!ofTab(details)) return;
  inOrder(async () => {
    const known = await read(details.tabId);
    if (known?.requestId !== details.requestId) return browser.storage.session.remove(key(details.tabId));
    const final = { url: stripUserInfo(details.url), status: details.statusCode, ...(details.ip ? { ip: details.ip } : {}), headers: allowedHeaders(details.responseHeaders) };
    await write(details.tabId, { ...known, final });
  });
}

export function tabClosed(tabId: number): void {
  inOrder(() => browser.storage.session.remove(key(tabId)));
}

/**
 * The latest navigation of a tab, once the events already received are written. A storage that fails
 * gives none: a report goes without provenance rather than not at all.
 */
export async function latestNavigation(tabId: number): Promise<Navigation | undefined> {
  await tail;
  return read(tabId).catch(() => undefined);
}

/** Registers the listeners; called once, synchronously, at the top of the worker (index.ts). */
export function recordNavigations(): void {
  // Provenance is optional: a browser without the API (webextension-polyfill gives undefined) still starts the worker.
  const webRequest = browser.webRequest as typeof browser.webRequest | undefined;
  if (!webRequest) return;
  const filter = { urls: ['<all_urls>'], types: ['main_frame' as const] };
  webRequest.onBeforeRequest.addListener(navigationStarted, filter);
  webRequest.onBeforeRedirect.addListener(navigationRedirected, filter);
  webRequest.onCompleted.addListener(navigationCompleted, filter, ['responseHeaders']);
  browser.tabs.onRemoved.addListener(tabClosed);
}
