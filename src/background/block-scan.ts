import browser from 'webextension-polyfill';
import { buildBlockMatcher } from '../matcher/build-matcher';
import type { BlockMatcher } from '../matcher/block-finding';
import { prefilterReplySchema, scanBlocksReplySchema, scanPlanReplySchema, type PrefilterReply, type ScanBlocksReply, type ScanPlan } from '../shared/protocol/block-scan';
import { prefilterCandidates } from '../matcher/prefilter-bits';
import { effectiveSettings, policyJson } from '../shared/managed-settings';
import { subscribedEntries } from '../shared/phrase-subscriptions';
import { PREFILTER_CACHE_KEY, prefilterCacheSchema } from '../shared/prefilter-cache';
import { readManaged } from './settings-store';
import { storedLists } from './subscriptions';
import type { BlockFinding } from '../shared/protocol/block-scan';
import { foundIn, policyFingerprint, unitsOf } from '../shared/protocol/scan-replies';
import { POLICY_CHANGED, WORKER_BUSY } from '../shared/protocol/block-scan-limits';
import { PHRASE_LISTS_KEY, SETTINGS_KEY } from '../shared/protocol/storage-keys';

/*
 * Pages' scans (shared/protocol/block-scan.ts): the prefilter over their text nodes and the exact scan of
 * their candidate blocks. One matcher serves every page until the settings, the lists or the policy
 * change.
 */

/** The matcher and the policy it was built under (`policyFingerprint`). */
let matcher: { policy: string; built: Promise<BlockMatcher> } | undefined;
let blocksScanned = 0;
let textsPrefiltered = 0;
/** The policy as last read, once a read has answered. */
let managed: { value: unknown } | undefined;

const NO_POLICY = policyFingerprint(policyJson(undefined));

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

/**
 * The policy to scan under, when it is the page's. A page starts without waiting for its policy
 * (Chromium can take seconds to answer the first read when there is none) and restarts when one
 * turns up, so "none" is answered at once while this worker has not read the policy yet either; a
 * page that has a policy waits for this worker's read, which the browser has answered for the page.
 */
async function policyFor(pagePolicy: string): Promise<unknown> {
  if (!managed && pagePolicy === NO_POLICY) return undefined;
  const value = managed ? managed.value : await readManaged();
  if (policyFingerprint(policyJson(value)) !== pagePolicy) throw new Error(POLICY_CHANGED);
  return value;
}

/**
 * Text a tab may have scanned here: a bucket of UTF-16 units per tab that refills with time. One
 * worker serves every tab, and a page that keeps changing its text could otherwise keep it busy. Past
 * the budget a request waits for the bucket to refill (the bucket may go into debt, so that even the
 * biggest request is served in time), and past a few seconds of waiting it is sent back: a tab that
 * asks too much is slowed down.
 */
export const BUDGET_UNITS = 4_000_000;
const REFILL_UNITS_PER_MS = 2_000;
/** The prefilter reads a unit ~5x faster than the exact scan: its requests cost a quarter. */
export const PREFILTER_UNIT_COST = 0.25;
const budgets = new Map<number, { units: number; at: number }>();

/** The longest a request waits for its tab's budget; past it the page is told to ask again later. */
export const MAX_BUDGET_WAIT_MS = 5_000;

/**
 * Takes `units` from the tab's budget; returns how long to wait (ms) before serving the request, or -1
 * (nothing taken) when that would be longer than MAX_BUDGET_WAIT_MS. Requests waiting here stay
 * bounded (a few seconds of refill a tab), however many frames of a tab ask at once.
 */
export function takeFromBudget(tabId: number, units: number, now = Date.now(), mayRefuse = true): number {
  const last = budgets.get(tabId);
  const available = last ? Math.min(BUDGET_UNITS, last.units + (now - last.at) * REFILL_UNITS_PER_MS) : BUDGET_UNITS;
  let wait = available >= units ? 0 : Math.ceil((units - available) / REFILL_UNITS_PER_MS);
  if (wait > MAX_BUDGET_WAIT_MS) {
    if (mayRefuse) return -1;
    wait = MAX_BUDGET_WAIT_MS;
  }
  budgets.set(tabId, { units: available - units, at: now });
  // Closed tabs leave entries behind; a full bucket says nothing, so those are dropped now and then.
  if (budgets.size > 200) for (const [id, bucket] of budgets) if (now - bucket.at > 60_000) budgets.delete(id);
  return wait;
}

async function waitForBudget(tabId: number, units: number, mayRefuse = true): Promise<void> {
  const wait = takeFromBudget(tabId, units, Date.now(), mayRefuse);
  if (wait < 0) throw new Error(WORKER_BUSY);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * A reply as the page will read it: checked here with the zod schema, which the page's guards follow
 * (content/read-replies.ts), so that a reply a page would refuse is an error on this side.
 */
function checked<T>(schema: { parse(value: unknown): { data: T } }, data: T): T {
  return schema.parse({ ok: true, data }).data;
}

/** The matcher for the page's policy, built on first use. */
async function matcherFor(pagePolicy: string): Promise<BlockMatcher> {
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

const NO_FINDING: BlockFinding = { spans: [], suspect: false };

/**
 * The findings of a page's candidate blocks under the page's policy. The blocks of a rescan are not
 * prefiltered by the page (the changed posts of an infinite scroll), and most hold no possible phrase:
 * those cost their tab the prefilter's rate, and only the rest the exact scan's.
 */
export async function scanBlocks(blocks: readonly (readonly string[])[], pagePolicy: string, tabId = -1): Promise<ScanBlocksReply['data']> {
  // The policy first, then the prefilter's share: a refused request costs its tab nothing.
  const built = await matcherFor(pagePolicy);
  const units = blocks.map((texts) => unitsOf([texts]));
  await waitForBudget(tabId, Math.ceil(units.reduce((sum, n) => sum + n, 0) * PREFILTER_UNIT_COST));
  const candidates = blocks.map((texts) => built.mayHoldPhrase(texts));
  const exactUnits = units.reduce((sum, n, index) => (candidates[index] ? sum + n : sum), 0);
  // A request let in is served: its exact share goes into debt rather than being refused after the
  // prefilter's share was taken (many frames of one tab asking at once).
  if (exactUnits > 0) await waitForBudget(tabId, Math.ceil(exactUnits * (1 - PREFILTER_UNIT_COST)), false);
  blocksScanned += blocks.length;
  return checked(scanBlocksReplySchema, foundIn(blocks.map((texts, index) => (candidates[index] ? built.scanCandidate(texts) : NO_FINDING))));
}

/**
 * The first pass over a page's text nodes, in walk order, from the state the page's previous request
 * ended in: which texts end where a phrase may be (their blocks get the exact scan).
 */
export async function prefilterTexts(texts: readonly string[], state: number, pagePolicy: string, tabId = -1): Promise<PrefilterReply['data']> {
  const { prefilter } = await matcherFor(pagePolicy);
  await waitForBudget(tabId, Math.ceil(unitsOf([texts]) * PREFILTER_UNIT_COST));
  textsPrefiltered += texts.length;
  return checked(prefilterReplySchema, prefilterCandidates(prefilter, texts, state));
}

/**
 * Whether a plan named no policy because this worker had not read it yet. Chromium can take seconds
 * to answer the first read where there is no policy, so a plan never waits for it; a policy that then
 * turns up makes the worker refuse the pages' requests and ask every tab to start again.
 */
let plannedWithoutPolicy = false;

async function restartPages(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: 'content/settings-changed' }).catch(() => undefined);
  }
}

/** What a page on `site` is to do (shared/protocol/block-scan.ts `ScanPlan`), under the policy as this worker knows it. */
export async function scanPlan(site: string): Promise<ScanPlan> {
  if (!managed) plannedWithoutPolicy = true;
  const policy = managed ? managed.value : undefined;
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings } = effectiveSettings(stored[SETTINGS_KEY], policy);
  const { enabled, pausedSites, stealth, stealthSites } = settings.highlight;
  return checked(scanPlanReplySchema, {
    scan: enabled && !pausedSites.includes(site),
    stealth: stealth || stealthSites.includes(site),
    policy: policyFingerprint(policyJson(policy)),
  });
}

/** Blocks scanned since the worker started: the end-to-end tests read it to see where scans run. */
export function blockScanCount(): number {
  return blocksScanned;
}

/** Text nodes prefiltered since the worker started (for the same tests). */
export function prefilterCount(): number {
  return textsPrefiltered;
}

/** Drops the matcher when what it is built from changes; the next request builds it again. */
export function watchBlockScanInputs(): void {
  const remember = (value: unknown) => {
    managed = { value };
    matcher = undefined;
    // Plans handed out before this read named no policy; a page that has finished scanning (or was
    // told not to) would never be refused, so every page is asked to start again under this one.
    if (plannedWithoutPolicy && policyFingerprint(policyJson(value)) !== NO_POLICY) void restartPages();
    plannedWithoutPolicy = false;
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
