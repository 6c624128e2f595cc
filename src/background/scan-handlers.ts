import browser from 'webextension-polyfill';
import { prefilterReplySchema, scanBlocksReplySchema, scanPlanReplySchema, type BlockFinding, type PrefilterReply, type ScanBlocksReply, type ScanPlan } from '../shared/protocol/block-scan';
import { prefilterCandidates } from '../matcher/prefilter-bits';
import { effectiveSettings, policyJson } from '../shared/managed-settings';
import { foundIn, policyFingerprint, unitsOf } from '../shared/protocol/scan-replies';
import { SETTINGS_KEY } from '../shared/protocol/storage-keys';
import { matcherFor } from './matcher-cache';
import { PREFILTER_UNIT_COST, waitForBudget } from './scan-budget';
import { countBlocksScanned, countTextsPrefiltered } from './scan-counters';
import { policyForPlan } from './scan-policy';

/*
 * Pages' scans (shared/protocol/block-scan.ts): their plan, the prefilter over their text nodes and the
 * exact scan of their candidate blocks, each charged to the tab's budget (scan-budget.ts).
 */

/**
 * A reply as the page will read it: checked here with the zod schema, which the page's guards follow
 * (content/read-replies.ts), so that a reply a page would refuse is an error on this side.
 */
function checked<T>(schema: { parse(value: unknown): { data: T } }, data: T): T {
  return schema.parse({ ok: true, data }).data;
}

const NO_FINDING: BlockFinding = { spans: [], suspect: false };

/**
 * The findings of a page's candidate blocks under the page's policy. The blocks of a rescan are not
 * prefiltered by the page (the changed posts of an infinite scroll), and most hold no possible phrase:
 * those cost their tab the prefilter's rate, and only the rest the exact scan's.
 */
export async function scanBlocks(blocks: readonly (readonly string[])[], pagePolicy: string, tabId = -1, page?: string, nearby?: readonly string[]): Promise<ScanBlocksReply['data']> {
  // The policy first, then the prefilter's share: a refused request costs its tab nothing.
  const built = await matcherFor(pagePolicy);
  const units = blocks.map((texts) => unitsOf([texts]));
  await waitForBudget(tabId, Math.ceil(units.reduce((sum, n) => sum + n, 0) * PREFILTER_UNIT_COST));
  const candidates = blocks.map((texts) => built.mayHoldPhrase(texts));
  // The text around a candidate block may be read for it too: it is charged as the block's own.
  const exactUnits = units.reduce((sum, n, index) => (candidates[index] ? sum + n + (nearby?.[index]?.length ?? 0) : sum), 0);
  // A request let in is served: its exact share goes into debt rather than being refused after the
  // prefilter's share was taken (many frames of one tab asking at once).
  if (exactUnits > 0) await waitForBudget(tabId, Math.ceil(exactUnits * (1 - PREFILTER_UNIT_COST)), false);
  countBlocksScanned(blocks.length);
  return checked(scanBlocksReplySchema, foundIn(blocks.map((texts, index) => (candidates[index] ? built.scanCandidate(texts, page, nearby?.[index]) : NO_FINDING))));
}

/**
 * The first pass over a page's text nodes, in walk order, from the state the page's previous request
 * ended in: which texts end where a phrase may be (their blocks get the exact scan).
 */
export async function prefilterTexts(texts: readonly string[], state: number, pagePolicy: string, tabId = -1): Promise<PrefilterReply['data']> {
  const { prefilter } = await matcherFor(pagePolicy);
  await waitForBudget(tabId, Math.ceil(unitsOf([texts]) * PREFILTER_UNIT_COST));
  countTextsPrefiltered(texts.length);
  return checked(prefilterReplySchema, prefilterCandidates(prefilter, texts, state));
}

/** What a page on `site` is to do (shared/protocol/block-scan.ts `ScanPlan`), under the policy as this worker knows it. */
export async function scanPlan(site: string): Promise<ScanPlan> {
  const policy = policyForPlan();
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings } = effectiveSettings(stored[SETTINGS_KEY], policy);
  const { enabled, pausedSites, stealth, stealthSites } = settings.highlight;
  return checked(scanPlanReplySchema, {
    scan: enabled && !pausedSites.includes(site),
    stealth: stealth || stealthSites.includes(site),
    policy: policyFingerprint(policyJson(policy)),
  });
}
