import { describe, expect, it, vi } from 'vitest';
import { SEARCHABLE_CATEGORIES } from '../../../src/shared/taxonomy';
import { type BlockFinding, scanBlocksReplySchema } from '../../../src/shared/protocol/block-scan';
import { contentToBackground } from '../../../src/shared/protocol/messages';
import { findingsOf, foundIn, policyFingerprint } from '../../../src/shared/protocol/scan-replies';
import { POLICY_CHANGED, WORKER_BUSY, SCAN_BATCH_BLOCKS, SCAN_BATCH_UNITS, PREFILTER_BATCH_TEXTS, NEARBY_UNITS } from '../../../src/shared/protocol/block-scan-limits';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

const storage = new Map<string, unknown>();
const listeners: Listener[] = [];
let managedReads = 0;
let policy: Record<string, unknown> = {};
const browser = {
  storage: {
    local: {
      get: vi.fn(async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((key) => storage.has(key)).map((key) => [key, storage.get(key)]))),
    },
    managed: { get: vi.fn(async () => (managedReads++, policy)) },
    onChanged: { addListener: (listener: Listener) => listeners.push(listener) },
  },
  runtime: { getManifest: () => ({ version: '0.1.0' }), id: 'test-extension' },
  tabs: { query: vi.fn(async () => [{ id: 1 }, { id: 2 }]), sendMessage: vi.fn(async () => undefined) },
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { scanBlocks: scanUnder, prefilterTexts, scanPlan } = await import('../../../src/background/scan-handlers');
const { takeFromBudget, BUDGET_UNITS, MAX_BUDGET_WAIT_MS, PREFILTER_UNIT_COST } = await import('../../../src/background/scan-budget');
const { watchBlockScanInputs } = await import('../../../src/background/scan-inputs');
const { forgetManaged } = await import('../../../src/background/settings-store');
const { activePhrases } = await import('../../../src/matcher/build-matcher');
const { PagePrefilter } = await import('../../../src/matcher/prefilter');
const { prefilterPatterns } = await import('../../../src/matcher/prebuilt-tables');
const { toBase64 } = await import('../../../src/matcher/table-pack');
const { phraseSetKey } = await import('../../../src/shared/prefilter-cache');
const { settingsSchema } = await import('../../../src/shared/settings');
const { policyJson } = await import('../../../src/shared/managed-settings');
watchBlockScanInputs();

/** What a page sends for the policy it scans under. */
const fingerprint = (value: unknown) => policyFingerprint(policyJson(value));
const scanBlocks = (blocks: string[][]) => scanUnder(blocks, fingerprint(policy));

function setPolicy(value: Record<string, unknown>) {
  policy = value;
  forgetManaged();
  for (const listener of listeners) listener({}, 'managed');
}

function setSettings(value: unknown) {
  storage.set('settings', value);
  for (const listener of listeners) listener({ settings: { newValue: value } }, 'local');
}

const GUNS = ['出售枪支 气狗 微信 abc12345 价格 1800元'];
const PASSPORTS = ['fake passports for sale, DM on Telegram @docs4u, $900'];
const RIVER = ['A quiet walk by the river on Sunday.'];

describe("the worker's exact scan of pages' blocks", () => {
  it('names the blocks with findings by their place in the request', async () => {
    const found = await scanBlocks([RIVER, GUNS, RIVER, PASSPORTS]);
    expect(found.map(({ block }) => block)).toEqual([1, 3]);
    expect(found.every(({ finding }) => finding.suspect)).toBe(true);
    expect(found[0]?.finding.spans.map((span) => span.category)).toContain('firearms-explosives');
    // What a page reads back is one finding per block it sent.
    const findings = findingsOf(scanBlocksReplySchema.parse({ ok: true, data: found }).data, 4);
    expect(findings?.map((finding) => finding.spans.length > 0)).toEqual([false, true, false, true]);
  });

  it('follows the settings: a category switched off is not searched for after the change', async () => {
    expect(await scanBlocks([GUNS])).toHaveLength(1);
    setSettings({ categories: SEARCHABLE_CATEGORIES.filter((id) => id !== 'firearms-explosives') });
    const found = await scanBlocks([GUNS, PASSPORTS]);
    expect(found.map(({ block }) => block)).toEqual([1]);
    setSettings({});
    expect(await scanBlocks([GUNS])).toHaveLength(1);
  });

  it('keeps at most 500 highlights a block, so that a reply stays small', async () => {
    // A seller's handle makes the long block an offer (src/matcher/score.ts: a strong phrase in prose needs a term).
    const found = await scanBlocks([['fullz '.repeat(2_000) + 'DM @fullz_shop']]);
    expect(found[0]?.finding.spans).toHaveLength(500);
    expect(found[0]?.finding.suspect).toBe(true);
  });

  it("searches for the reporter's own phrases", async () => {
    setSettings({ customPhrases: [{ phrase: 'blue lobster deal', category: 'other', strength: 'strong', regex: false }] });
    const found = await scanBlocks([['one blue lobster deal, cash only']]);
    expect(found[0]?.finding.spans.map((span) => span.phrase)).toEqual(['blue lobster deal']);
    setSettings({});
  });

  it('scans under the policy the page scans under, and refuses another', async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(managedReads).toBeGreaterThan(0);
    setPolicy({ categories: SEARCHABLE_CATEGORIES.filter((id) => id !== 'firearms-explosives') });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // A page that has read the policy: the locked-off category is not searched for.
    expect((await scanBlocks([GUNS, PASSPORTS])).map(({ block }) => block)).toEqual([1]);
    // A page that has not read it yet (or has another) is refused, and starts again with a new plan.
    await expect(scanUnder([GUNS], fingerprint(undefined))).rejects.toThrow(POLICY_CHANGED);
    setPolicy({});
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await scanBlocks([GUNS])).toHaveLength(1);
  });
});

describe("a tab's scan budget", () => {
  it('makes a tab that scanned too much lately wait, refills with time, and leaves other tabs alone', async () => {
    const now = 1_000_000;
    expect(takeFromBudget(7, 3_000_000, now)).toBe(0);
    expect(takeFromBudget(7, 1_000_000, now)).toBe(0);
    // The bucket is empty: a million units more wait for 2,000 units a millisecond.
    expect(takeFromBudget(7, 1_000_000, now)).toBe(500);
    expect(takeFromBudget(8, 1_000_000, now)).toBe(0);
    // The tab is a million in debt; a second later it has a million again.
    expect(takeFromBudget(7, 1_000_000, now + 1000)).toBe(0);
    expect(takeFromBudget(7, 2_000, now + 1000)).toBe(1);
    // Never more than the full bucket, however long the tab was quiet.
    expect(takeFromBudget(7, 4_002_000, now + 3_600_000)).toBe(1);
  });

  it('answers a tab over its budget late rather than not at all', async () => {
    expect(await scanUnder([GUNS], fingerprint(policy), 42)).toHaveLength(1);
    // The tab uses up its bucket; a scan right after it waits for 100,000 units to refill (50 ms).
    expect(takeFromBudget(42, 4_000_000 - GUNS[0]!.length)).toBe(0);
    const started = Date.now();
    expect(await scanUnder([[...GUNS, 'x'.repeat(100_000)]], fingerprint(policy), 42)).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const other = Date.now();
    expect(await scanUnder([GUNS], fingerprint(policy), 43)).toHaveLength(1);
    expect(Date.now() - other).toBeLessThan(45);
  });

  it('sends a request back, and takes nothing, when it would wait more than a few seconds', async () => {
    const now = 9_000_000;
    expect(takeFromBudget(11, BUDGET_UNITS, now)).toBe(0);
    // 10,000,001 units more would wait 5,000.5 ms: refused, and the bucket is as it was.
    expect(takeFromBudget(11, 2_000 * MAX_BUDGET_WAIT_MS + 1, now)).toBe(-1);
    expect(takeFromBudget(11, 2_000, now)).toBe(1);
    // What must not be refused (the rest of a request already let in) waits at most the limit, in debt.
    expect(takeFromBudget(11, 2_000 * MAX_BUDGET_WAIT_MS * 3, now, false)).toBe(MAX_BUDGET_WAIT_MS);
    expect(takeFromBudget(11, 1, now)).toBe(-1);
    // The matcher is built first, so that nothing slow sits between the debt and the request.
    await scanUnder([['warm up']], fingerprint(policy), 99);
    takeFromBudget(12, BUDGET_UNITS);
    for (let i = 0; i < 10; i++) takeFromBudget(12, 1_000_000);
    // A request over the limit however slowly this test runs (a 900,000-unit block costs 225,000 units
    // before it is read: ~110 ms more than the bucket can give within the limit).
    await expect(scanUnder([[`fake passports for sale ${'x'.repeat(900_000)}`]], fingerprint(policy), 12)).rejects.toThrow(WORKER_BUSY);
  });

  it('charges an exact-scan request the prefilter’s rate for the blocks the prefilter rules out', async () => {
    takeFromBudget(14, BUDGET_UNITS);
    let started = Date.now();
    // 400,000 units with nothing the prefilter reads: 100,000 units of budget (50 ms), not 400,000 (200 ms).
    expect(await scanUnder([['x'.repeat(400_000)]], fingerprint(policy), 14)).toEqual([]);
    let waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(190);
    takeFromBudget(15, BUDGET_UNITS);
    started = Date.now();
    // The same units in a block that may hold a phrase cost the full rate.
    expect(await scanUnder([[`出售枪支 ${'x'.repeat(400_000)}`]], fingerprint(policy), 15)).toHaveLength(1);
    waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(195);
  });

  it('charges the prefilter a quarter of a unit a character', async () => {
    expect(PREFILTER_UNIT_COST).toBe(0.25);
    takeFromBudget(9, BUDGET_UNITS);
    const started = Date.now();
    await prefilterTexts(['x'.repeat(400_000)], 0, fingerprint(policy), 9);
    const waited = Date.now() - started;
    // 100,000 units at 2,000 a millisecond, not the 200 ms that 400,000 would take.
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(190);
  });
});

describe("the worker's prefilter of pages' text", () => {
  it('names the texts after which a phrase may end, carrying the state across requests', async () => {
    const first = await prefilterTexts(['A quiet walk.', '出售枪支 价格 1800元', 'by the river', 'fresh ful'], 0, fingerprint(policy));
    expect(first.candidates).toEqual([1]);
    expect(first.state).toBeGreaterThan(0);
    // "ful" + "lz": a phrase split across two requests by markup.
    expect((await prefilterTexts(['lz here'], first.state, fingerprint(policy))).candidates).toEqual([0]);
    expect((await prefilterTexts(['lz here'], 0, fingerprint(policy))).candidates).toEqual([]);
  });

  it('reads a state it does not know (another matcher, a hostile page) as the start', async () => {
    const found = await prefilterTexts(['fullz here'], 0x0ffffff0, fingerprint(policy));
    expect(found.candidates).toEqual([0]);
  });

  it('refuses a page under another policy', async () => {
    await expect(prefilterTexts(['x'], 0, 'not-a-policy')).rejects.toThrow(POLICY_CHANGED);
  });
});

describe("the worker's prefilter of the reporter's own phrases", () => {
  it('loads the tables the background stored for them instead of building its own', async () => {
    const own = { customPhrases: [{ phrase: 'blue lobster deal', category: 'other', strength: 'strong', regex: false }] };
    const settings = settingsSchema.parse(own);
    const phrases = activePhrases(settings);
    // Tables for these phrases plus one more: only a worker that loads them reads "zebra monkey".
    const tables = toBase64(new PagePrefilter(prefilterPatterns([...phrases, { phrase: 'zebra monkey' }])).toBytes());
    storage.set('prefilterCache', { key: phraseSetKey(phrases, '0.1.0'), tables });
    setSettings(own);
    expect((await prefilterTexts(['a zebra monkey here'], 0, fingerprint(policy))).candidates).toEqual([0]);
    // Tables stored for other phrases are not used.
    storage.set('prefilterCache', { key: phraseSetKey(phrases.slice(1), '0.1.0'), tables });
    setSettings(own);
    expect((await prefilterTexts(['a zebra monkey here'], 0, fingerprint(policy))).candidates).toEqual([]);
    expect((await prefilterTexts(['one blue lobster deal'], 0, fingerprint(policy))).candidates).toEqual([0]);
    storage.delete('prefilterCache');
    setSettings({});
  });
});

describe('the scan plan', () => {
  it("tells a page whether to scan, from the reporter's settings for its site", async () => {
    setSettings({ highlight: { pausedSites: ['paused.example'], stealthSites: ['quiet.example'] } });
    expect(await scanPlan('news.example')).toEqual({ scan: true, stealth: false, policy: fingerprint(policy) });
    expect((await scanPlan('paused.example')).scan).toBe(false);
    expect((await scanPlan('quiet.example')).stealth).toBe(true);
    setSettings({ highlight: { enabled: false } });
    expect((await scanPlan('news.example')).scan).toBe(false);
    setSettings({});
  });

  it('asks every tab to start again when the settings really change, since content scripts read no storage', async () => {
    browser.tabs.sendMessage.mockClear();
    setSettings({ highlight: { enabled: true, stealth: true } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(browser.tabs.sendMessage.mock.calls).toEqual([
      [1, { type: 'content/settings-changed' }],
      [2, { type: 'content/settings-changed' }],
    ]);
    // A write of the same value restarts nothing.
    browser.tabs.sendMessage.mockClear();
    const same = { highlight: { enabled: true, stealth: true } };
    storage.set('settings', same);
    for (const listener of listeners) listener({ settings: { oldValue: same, newValue: same } }, 'local');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(browser.tabs.sendMessage).not.toHaveBeenCalled();
    setSettings({});
  });

  it('asks every tab to start again when a policy turns up after a plan named none', async () => {
    setPolicy({ categories: SEARCHABLE_CATEGORIES.filter((id) => id !== 'firearms-explosives') });
    // Right after the change the worker has not read the policy yet: the plan cannot name it.
    const plan = await scanPlan('news.example');
    expect(plan.policy).toBe(fingerprint(undefined));
    browser.tabs.sendMessage.mockClear();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(browser.tabs.sendMessage.mock.calls).toEqual([
      [1, { type: 'content/settings-changed' }],
      [2, { type: 'content/settings-changed' }],
    ]);
    // And the page's requests under that plan are refused until it has a new one.
    await expect(scanUnder([GUNS], plan.policy)).rejects.toThrow(POLICY_CHANGED);
    expect((await scanPlan('news.example')).policy).toBe(fingerprint(policy));
    // Without a plan in between, a policy change starts each page once, after the worker read it
    // (content scripts read no storage: the worker tells them).
    browser.tabs.sendMessage.mockClear();
    setPolicy({});
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(browser.tabs.sendMessage.mock.calls).toEqual([
      [1, { type: 'content/settings-changed' }],
      [2, { type: 'content/settings-changed' }],
    ]);
  });
});

describe('scan messages', () => {
  it('refuses prefilter requests beyond the limits, empty ones, and impossible states', () => {
    const request = (texts: unknown, state: unknown = 0) => contentToBackground.safeParse({ type: 'content/prefilter-texts', policy: fingerprint({}), state, texts }).success;
    expect(request(GUNS)).toBe(true);
    expect(request([])).toBe(false);
    expect(request(Array.from({ length: PREFILTER_BATCH_TEXTS + 1 }, () => 'x'))).toBe(false);
    expect(request(['x'.repeat(SCAN_BATCH_UNITS / 2), 'x'.repeat(SCAN_BATCH_UNITS / 2 + 1)])).toBe(false);
    expect(request(GUNS, -1)).toBe(false);
    expect(request(GUNS, 1.5)).toBe(false);
    expect(request(GUNS, 2 ** 40)).toBe(false);
    expect(contentToBackground.safeParse({ type: 'content/scan-plan', site: 'x'.repeat(254) }).success).toBe(false);
  });

  it('refuses requests beyond the limits, and empty ones', () => {
    const request = (blocks: unknown) => contentToBackground.safeParse({ type: 'content/scan-blocks', policy: fingerprint({}), blocks }).success;
    expect(request([GUNS])).toBe(true);
    expect(request([])).toBe(false);
    expect(request(Array.from({ length: SCAN_BATCH_BLOCKS + 1 }, () => RIVER))).toBe(false);
    expect(request([['x'.repeat(SCAN_BATCH_UNITS / 2)], ['x'.repeat(SCAN_BATCH_UNITS / 2 + 1)]])).toBe(false);
    expect(request([[42]])).toBe(false);
    const withNearby = (nearby: unknown) => contentToBackground.safeParse({ type: 'content/scan-blocks', policy: fingerprint({}), blocks: [GUNS], nearby }).success;
    expect(withNearby(['before\nafter'])).toBe(true);
    expect(withNearby(['x'.repeat(NEARBY_UNITS + 1)])).toBe(false);
    expect(withNearby(Array.from({ length: SCAN_BATCH_BLOCKS + 1 }, () => ''))).toBe(false);
    expect(withNearby([7])).toBe(false);
  });

  it('refuses malformed replies, and a reply naming a block that was not asked about', () => {
    const finding: BlockFinding = { suspect: true, spans: [{ startNode: 0, startOffset: 0, endNode: 0, endOffset: 4, phrase: 'x', category: 'jammers', strength: 'weak' }] };
    const reply = (data: unknown) => scanBlocksReplySchema.safeParse({ ok: true, data }).success;
    expect(reply([{ block: 0, finding }])).toBe(true);
    expect(reply([{ block: -1, finding }])).toBe(false);
    expect(reply([{ block: 0, finding: { ...finding, spans: [{ ...finding.spans[0], category: 'weather' }] } }])).toBe(false);
    expect(reply([{ block: 0, finding: { ...finding, spans: [{ ...finding.spans[0], startOffset: 1.5 }] } }])).toBe(false);
    expect(scanBlocksReplySchema.safeParse({ ok: false, error: 'no' }).success).toBe(false);
    expect(findingsOf([{ block: 2, finding }], 2)).toBeUndefined();
    expect(findingsOf(foundIn([{ suspect: false, spans: [] }, finding]), 2)?.[1]).toEqual(finding);
  });
});
