import browser from 'webextension-polyfill';
import { prefilterCacheFor } from '../matcher/build-matcher';
import { PREFILTER_CACHE_KEY } from '../shared/prefilter-cache';
import { subscribedEntries } from '../shared/phrase-subscriptions';
import { loadSettings } from './settings-store';
import { storedLists } from './subscriptions';
import { onLocalSettingsChange, onPolicyChange } from './settings-changes';

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Builds the prefilter of the reporter's own phrases and lists once, when they change, for the worker
 * to load on each start (shared/prefilter-cache.ts); removes it when the built-in one serves. A failure
 * (storage full) only costs the worker the time to build it itself.
 */
export async function refreshPrefilterCache(): Promise<void> {
  const settings = await loadSettings();
  const cache = prefilterCacheFor(settings, subscribedEntries(settings, await storedLists()), browser.runtime.getManifest().version);
  if (cache) await browser.storage.local.set({ [PREFILTER_CACHE_KEY]: cache });
  else await browser.storage.local.remove(PREFILTER_CACHE_KEY);
}

/** Rebuilds after the settings or lists change; a burst of changes (an import) rebuilds once. */
export function watchPrefilterInputs(): void {
  const rebuildSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(() => void refreshPrefilterCache().catch((error: unknown) => console.warn('tipline: prefilter cache', error)), 300);
  };
  onLocalSettingsChange(rebuildSoon);
  onPolicyChange(rebuildSoon);
}
