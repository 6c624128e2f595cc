import browser from 'webextension-polyfill';
import { buildBlockMatcher } from '../content/build-matcher';
import type { BlockMatcher } from '../content/block-finding';
import { foundIn, type ScanBlocksReply } from '../shared/block-scan';
import { effectiveSettings } from '../shared/managed-settings';
import { PHRASE_LISTS_KEY, subscribedEntries } from '../shared/phrase-subscriptions';
import { SETTINGS_KEY } from '../shared/settings';
import { readManaged } from './settings-store';
import { storedLists } from './subscriptions';

/*
 * The exact scan of pages' candidate blocks (shared/block-scan.ts). One matcher serves every page
 * until the settings, the lists or the policy change.
 */

let matcher: Promise<BlockMatcher> | undefined;
let blocksScanned = 0;
/** The policy as last read; undefined until the first read answers, as on a page. */
let managed: unknown;

async function buildMatcher(): Promise<BlockMatcher> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, PHRASE_LISTS_KEY]);
  // Pages start without waiting for the policy (Chromium can take seconds to answer the first read)
  // and restart when it turns up; the matcher does the same, so that both scan for the same phrases.
  const { settings } = effectiveSettings(stored[SETTINGS_KEY], managed);
  return buildBlockMatcher(settings, subscribedEntries(settings, await storedLists()));
}

export async function scanBlocks(blocks: readonly (readonly string[])[]): Promise<ScanBlocksReply['data']> {
  const current = (matcher ??= buildMatcher());
  try {
    const built = await current;
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
  const policy = (value: unknown) => JSON.stringify(value ?? null);
  void readManaged().then((value) => {
    if (policy(value) !== policy(managed)) matcher = undefined;
    managed = value;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || PHRASE_LISTS_KEY in changes)) matcher = undefined;
    if (area === 'managed') {
      matcher = undefined;
      // After this event's other listeners, one of which makes `readManaged` ask the browser again.
      setTimeout(() => {
        void readManaged().then((value) => {
          managed = value;
          matcher = undefined;
        });
      }, 0);
    }
  });
}
