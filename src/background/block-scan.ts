import browser from 'webextension-polyfill';
import { buildBlockMatcher } from '../content/build-matcher';
import type { BlockMatcher } from '../content/block-finding';
import { foundIn, policyFingerprint, unitsOf, type ScanBlocksReply } from '../shared/block-scan';
import { effectiveSettings, policyJson } from '../shared/managed-settings';
import { PHRASE_LISTS_KEY, subscribedEntries } from '../shared/phrase-subscriptions';
import { SETTINGS_KEY } from '../shared/settings';
import { readManaged } from './settings-store';
import { storedLists } from './subscriptions';

/*
 * The exact scan of pages' candidate blocks (shared/block-scan.ts). One matcher serves every page
 * until the settings, the lists or the policy change.
 */

/** The matcher and the policy it was built under (`policyFingerprint`). */
let matcher: { policy: string; built: Promise<BlockMatcher> } | undefined;
let blocksScanned = 0;
/** The policy as last read, once a read has answered. */
let managed: { value: unknown } | undefined;

const NO_POLICY = policyFingerprint(policyJson(undefined));

async function buildMatcher(policy: unknown): Promise<BlockMatcher> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, PHRASE_LISTS_KEY]);
  const { settings } = effectiveSettings(stored[SETTINGS_KEY], policy);
  return buildBlockMatcher(settings, subscribedEntries(settings, await storedLists()));
}

/**
 * The policy to scan under, when it is the page's. A page starts without waiting for its policy
 * (Chromium can take seconds to answer the first read when there is none) and restarts when one
 * turns up, so "none" is answered at once while this worker has not read the policy yet either; a
 * page that has a policy waits for this worker's read, which the browser has answered for the page.
 */
async function policyFor(pagePolicy: string): Promise<unknown> {
  if (!managed && pagePolicy === NO_POLICY) return undefined;
  const value = managed ? managed.value : await readManaged();
  if (policyFingerprint(policyJson(value)) !== pagePolicy) throw new Error('the page scans under another policy');
  return value;
}

/**
 * Text a tab may have scanned here: a bucket of UTF-16 units per tab that refills with time. One
 * worker serves every tab, and a page that keeps changing its text could otherwise keep it busy; past
 * the budget the page scans by itself, on its own main thread.
 */
const BUDGET_UNITS = 4_000_000;
const REFILL_UNITS_PER_MS = 2_000;
const budgets = new Map<number, { units: number; at: number }>();

export function takeFromBudget(tabId: number, units: number, now = Date.now()): boolean {
  const last = budgets.get(tabId);
  const available = last ? Math.min(BUDGET_UNITS, last.units + (now - last.at) * REFILL_UNITS_PER_MS) : BUDGET_UNITS;
  if (available < units) {
    budgets.set(tabId, { units: available, at: now });
    return false;
  }
  budgets.set(tabId, { units: available - units, at: now });
  // Closed tabs leave entries behind; a full bucket says nothing, so those are dropped now and then.
  if (budgets.size > 200) for (const [id, bucket] of budgets) if (now - bucket.at > 60_000) budgets.delete(id);
  return true;
}

/** The findings of a page's candidate blocks under the page's policy, or an error the page scans itself after. */
export async function scanBlocks(blocks: readonly (readonly string[])[], pagePolicy: string, tabId = -1): Promise<ScanBlocksReply['data']> {
  if (!takeFromBudget(tabId, unitsOf(blocks))) throw new Error('this tab has used its scan budget for now');
  const policy = await policyFor(pagePolicy);
  if (matcher?.policy !== pagePolicy) matcher = { policy: pagePolicy, built: buildMatcher(policy) };
  const current = matcher;
  try {
    const built = await current.built;
    blocksScanned += blocks.length;
    return foundIn(blocks.map((texts) => built.scanBlock(texts)));
  } catch (error) {
    // A failed build (storage unreadable) is tried again on the next request; the page scans itself.
    if (matcher === current) matcher = undefined;
    throw error;
  }
}

/** Blocks scanned since the worker started: the end-to-end tests read it to see where scans run. */
export function blockScanCount(): number {
  return blocksScanned;
}

/** Drops the matcher when what it is built from changes; the next request builds it again. */
export function watchBlockScanInputs(): void {
  const remember = (value: unknown) => {
    managed = { value };
    matcher = undefined;
  };
  void readManaged().then(remember);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || PHRASE_LISTS_KEY in changes)) matcher = undefined;
    if (area === 'managed') {
      managed = undefined;
      matcher = undefined;
      // After this event's other listeners, one of which makes `readManaged` ask the browser again.
      setTimeout(() => void readManaged().then(remember), 0);
    }
  });
}
