import type { BlockFinding, ScanBlocksReply } from './block-scan';
import { quickHash } from './hash';

/*
 * Limits and helpers of the worker's scans of pages' text (DESIGN.md §7), without the schemas
 * (block-scan.ts): the content script imports these, and no zod code runs while a page loads.
 */

/** Blocks in one request. */
export const SCAN_BATCH_BLOCKS = 200;
/** UTF-16 units of text in one request: a bigger block or text is sent in parts (content/remote-engine.ts). */
export const SCAN_BATCH_UNITS = 1_000_000;
/** Strings of one block: its text nodes and the separators between lines. */
export const SCAN_BLOCK_NODES = 5_000;
/** How long a page waits for an answer before it asks again (the worker may have been stopped). */
export const SCAN_TIMEOUT_MS = 30_000;
/** Text nodes in one prefilter request, and their units (`SCAN_BATCH_UNITS`). */
export const PREFILTER_BATCH_TEXTS = 20_000;
/** The worker's refusal of a request made under another policy: the page starts again under the new one. */
export const POLICY_CHANGED = 'the page scans under another policy';

/** The worker's answer to a tab over its scan budget: the page asks again a few seconds later. */
export const WORKER_BUSY = 'this tab has used its scan budget for now';
/** How long a page waits after WORKER_BUSY before it asks again. */
export const BUSY_RETRY_MS = 5_000;

/** Prefilter states are small integers (match/prefilter.ts `PREFILTER_STATE`). */
export const PREFILTER_STATE_MAX = 0x0fffffff;

/** The reply's data for some blocks' findings. */
export function foundIn(findings: readonly BlockFinding[]): ScanBlocksReply['data'] {
  const found: ScanBlocksReply['data'] = [];
  findings.forEach((finding, block) => {
    if (finding.spans.length > 0) found.push({ block, finding });
  });
  return found;
}

/** Every block's finding from a reply's data; undefined when it names a block that was not asked about. */
export function findingsOf(found: ScanBlocksReply['data'], blocks: number): BlockFinding[] | undefined {
  const findings: BlockFinding[] = Array.from({ length: blocks }, () => ({ spans: [], suspect: false }));
  for (const { block, finding } of found) {
    if (block >= blocks) return undefined;
    findings[block] = finding;
  }
  return findings;
}

/**
 * What identifies the policy a matcher was built under (`policyJson` of managed-settings.ts), short
 * enough to send with every request. The page learns it from its scan plan, and the worker answers
 * only for the policy the page scans under: the policy may change while a page scans.
 */
export function policyFingerprint(policyJson: string): string {
  return `${policyJson.length}:${quickHash([policyJson])}`;
}

/** UTF-16 units of text in some blocks. */
export function unitsOf(blocks: readonly (readonly string[])[]): number {
  let units = 0;
  for (const texts of blocks) for (const text of texts) units += text.length;
  return units;
}
