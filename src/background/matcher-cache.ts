import browser from 'webextension-polyfill';
import { buildBlockMatcher } from '../matcher/build-matcher';
import type { BlockMatcher } from '../matcher/block-finding';
import { effectiveSettings } from '../shared/managed-settings';
import { subscribedEntries } from '../shared/phrase-subscriptions';
import { PREFILTER_CACHE_KEY, prefilterCacheSchema } from '../shared/prefilter-cache';
import { SETTINGS_KEY } from '../shared/protocol/storage-keys';
import { policyFor } from './scan-policy';
import { storedLists } from './subscriptions';

/*
 * The one matcher that serves every page's scan, built on first use and kept until the settings, the
 * lists or the policy change (scan-inputs.ts drops it then).
 */

/** The matcher and the policy it was built under (`policyFingerprint`). */
let matcher: { policy: string; built: Promise<BlockMatcher> } | undefined;

async function buildMatcher(policy: unknown): Promise<BlockMatcher> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, PREFILTER_CACHE_KEY]);
  const { settings } = effectiveSettings(stored[SETTINGS_KEY], policy);
  // The prefilter of the reporter's own phrases and lists, as prefilter-cache.ts stored it when they
  // changed: a worker start loads its tables instead of building it (20-60 ms for 1,000-5,000 phrases).
  const cached = stored[PREFILTER_CACHE_KEY] === undefined ? undefined : prefilterCacheSchema.safeParse(stored[PREFILTER_CACHE_KEY]);
  return buildBlockMatcher(
    settings,
    subscribedEntries(settings, await storedLists()),
    cached?.success ? { stored: cached.data, version: browser.runtime.getManifest().version } : undefined,
  );
}

/** The matcher for the page's policy (refused with POLICY_CHANGED when it is not this worker's). */
export async function matcherFor(pagePolicy: string): Promise<BlockMatcher> {
  const policy = await policyFor(pagePolicy);
  if (matcher?.policy !== pagePolicy) matcher = { policy: pagePolicy, built: buildMatcher(policy) };
  const current = matcher;
  try {
    return await current.built;
  } catch (error) {
    // A failed build (storage unreadable) is tried again on the next request.
    if (matcher === current) matcher = undefined;
    throw error;
  }
}

/** What the matcher is built from changed: the next request builds it again. */
export function forgetMatcher(): void {
  matcher = undefined;
}
