import browser from 'webextension-polyfill';
import { parsePhraseList, type PhraseList } from '../shared/phrase-list';
import { readStoredLists, type ListError, type StoredLists } from '../shared/phrase-subscriptions';
import { checkEndpointUrl } from '../shared/url';
import { loadSettings } from './settings-store';
import { readLimited, isRedirect } from './read-body';
import { PHRASE_LISTS_KEY } from '../shared/protocol/storage-keys';

/** Daily refresh of subscribed phrase lists (docs/PHRASE-LISTS.md). */
export const LISTS_ALARM = 'tipline-lists';
export const MAX_LIST_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export type ListFetch = { ok: true; list: PhraseList } | { ok: false; error: ListError };

/** Downloads and validates one list; never throws. Same URL rule as endpoints: https, or http to this machine. */
export async function fetchPhraseList(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = TIMEOUT_MS): Promise<ListFetch> {
  if (checkEndpointUrl(url) !== null) return { ok: false, error: { code: 'url', detail: url.slice(0, 200) } };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // Redirects are not followed, as for reports (send-report.ts): a worker cannot check each hop, and a
    // list URL that is fine could lead to a private address or another port of this machine.
    const response = await fetchImpl(url, { signal: controller.signal, credentials: 'omit', cache: 'no-cache', redirect: 'manual' });
    if (isRedirect(response)) return { ok: false, error: { code: 'http', detail: 'redirect, not followed: subscribe to the address it leads to' } };
    if (!response.ok) return { ok: false, error: { code: 'http', detail: String(response.status) } };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_LIST_BYTES) return { ok: false, error: { code: 'too-big', detail: String(declared) } };
    const text = await readLimited(response, MAX_LIST_BYTES);
    if (text === null) return { ok: false, error: { code: 'too-big', detail: `> ${MAX_LIST_BYTES}` } };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: { code: 'not-json', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) } };
    }
    const parsed = parsePhraseList(raw);
    return parsed.ok ? { ok: true, list: parsed.list } : { ok: false, error: { code: 'invalid', detail: parsed.error.slice(0, 300) } };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return { ok: false, error: { code: timedOut ? 'timeout' : 'network', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) } };
  } finally {
    clearTimeout(timer);
  }
}

export async function storedLists(): Promise<StoredLists> {
  const stored = await browser.storage.local.get(PHRASE_LISTS_KEY);
  return readStoredLists(stored[PHRASE_LISTS_KEY]);
}

/**
 * Refreshes subscribed lists (all, or the given URLs). A list that fails to download or validate
 * keeps its last good entries and records why; lists no longer subscribed are dropped.
 */
export async function refreshSubscriptions(only?: readonly string[], fetchImpl: typeof fetch = fetch, now = () => new Date()): Promise<StoredLists> {
  const settings = await loadSettings();
  const before = await storedLists();
  const next: StoredLists = {};
  for (const { url } of settings.subscriptions) {
    const previous = before[url];
    if (only && !only.includes(url) && previous) {
      next[url] = previous;
      continue;
    }
    const result = await fetchPhraseList(url, fetchImpl);
    const at = now().toISOString();
    next[url] = result.ok
      ? { name: result.list.name, version: result.list.version, entries: result.list.entries, fetchedAt: at, lastAttemptAt: at }
      : { ...(previous ?? { entries: [] }), lastAttemptAt: at, lastError: result.error };
  }
  // Every open page's content script restarts when this key changes: write only real changes.
  if (JSON.stringify(next) !== JSON.stringify(before)) await browser.storage.local.set({ [PHRASE_LISTS_KEY]: next });
  return next;
}

export function scheduleListRefresh(): void {
  void browser.alarms.create(LISTS_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
}
