import { describe, expect, it, vi } from 'vitest';
import { SEARCHABLE_CATEGORIES } from '../../../src/shared/taxonomy';
import { findingsOf, foundIn, policyFingerprint, type BlockFinding, SCAN_BATCH_BLOCKS, SCAN_BATCH_UNITS, scanBlocksReplySchema } from '../../../src/shared/block-scan';
import { contentToBackground } from '../../../src/shared/messages';

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
};
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { scanBlocks: scanUnder, takeFromBudget, watchBlockScanInputs } = await import('../../../src/background/block-scan');
const { forgetManaged } = await import('../../../src/background/settings-store');
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
    // A page that has not read it yet (or has another) gets no answer, and scans by itself.
    await expect(scanUnder([GUNS], fingerprint(undefined))).rejects.toThrow(/another policy/);
    setPolicy({});
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await scanBlocks([GUNS])).toHaveLength(1);
  });
});

describe("a tab's scan budget", () => {
  it('refuses a tab that scanned too much lately, refills with time, and leaves other tabs alone', async () => {
    const now = 1_000_000;
    expect(takeFromBudget(7, 3_000_000, now)).toBe(true);
    expect(takeFromBudget(7, 1_000_000, now)).toBe(true);
    expect(takeFromBudget(7, 1_000_000, now)).toBe(false);
    expect(takeFromBudget(8, 1_000_000, now)).toBe(true);
    // 2,000 units a millisecond: half a second later, a million units again.
    expect(takeFromBudget(7, 1_000_000, now + 500)).toBe(true);
    expect(takeFromBudget(7, 1, now + 500)).toBe(false);
    // Never more than the full bucket, however long the tab was quiet.
    expect(takeFromBudget(7, 4_000_001, now + 3_600_000)).toBe(false);
  });

  it('answers a tab over its budget with an error, which makes the page scan by itself', async () => {
    expect(await scanUnder([GUNS], fingerprint(policy), 42)).toHaveLength(1);
    // The tab uses up its bucket; a scan right after it is refused (it would take half a second to refill).
    expect(takeFromBudget(42, 4_000_000 - GUNS[0]!.length)).toBe(true);
    await expect(scanUnder([['x'.repeat(900_000)]], fingerprint(policy), 42)).rejects.toThrow(/budget/);
    expect(await scanUnder([GUNS], fingerprint(policy), 43)).toHaveLength(1);
  });
});

describe('scan messages', () => {
  it('refuses requests beyond the limits, and empty ones', () => {
    const request = (blocks: unknown) => contentToBackground.safeParse({ type: 'content/scan-blocks', policy: fingerprint({}), blocks }).success;
    expect(request([GUNS])).toBe(true);
    expect(request([])).toBe(false);
    expect(request(Array.from({ length: SCAN_BATCH_BLOCKS + 1 }, () => RIVER))).toBe(false);
    expect(request([['x'.repeat(SCAN_BATCH_UNITS / 2)], ['x'.repeat(SCAN_BATCH_UNITS / 2 + 1)]])).toBe(false);
    expect(request([[42]])).toBe(false);
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
