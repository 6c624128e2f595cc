import type { BlockFinding, ScanBlocksReply } from './block-scan';
import { quickHash } from '../hash';

/* Helpers both ends of a scan use: packing and unpacking a reply's findings, a policy's fingerprint, a request's size. */

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
