import { z } from 'zod/mini';
import { categorySchema } from './taxonomy';
import { quickHash } from './hash';

/*
 * The exact scan of candidate blocks, asked of the background worker (DESIGN.md §7). A page keeps the
 * walk, the prefilter and the highlighting; the worker's matcher stays compiled from page to page,
 * while on the page it would run cold on every load. Both directions are validated: the request by
 * the router, the reply by the content script, which scans the blocks itself when the reply is
 * missing or wrong. The request's schema is with the other messages to the worker (messages.ts).
 */

/** Blocks in one request. */
export const SCAN_BATCH_BLOCKS = 200;
/** UTF-16 units of text in one request: a bigger block is scanned on the page. */
export const SCAN_BATCH_UNITS = 1_000_000;
/** Strings of one block: its text nodes and the separators between lines. */
export const SCAN_BLOCK_NODES = 5_000;
/** How long a page waits for an answer before it asks again (the worker may have been stopped). */
export const SCAN_TIMEOUT_MS = 30_000;
/** Text nodes in one prefilter request, and their units (`SCAN_BATCH_UNITS`). */
export const PREFILTER_BATCH_TEXTS = 20_000;
/** The worker's refusal of a request made under another policy: the page starts again under the new one. */
export const POLICY_CHANGED = 'the page scans under another policy';

/** Prefilter states are small integers (match/prefilter.ts `PREFILTER_STATE`). */
export const PREFILTER_STATE_MAX = 0x0fffffff;
const state = () => z.number().check(z.int(), z.nonnegative(), z.lte(PREFILTER_STATE_MAX));

/**
 * The worker's first pass over a page's text nodes (match/prefilter.ts): the indices of the texts
 * after which the prefilter read a possible phrase, and the state to carry into the next request.
 */
export const prefilterReplySchema = z.lazy(() =>
  z.object({
    ok: z.literal(true),
    data: z.object({ state: state(), candidates: z.array(offset()).check(z.maxLength(PREFILTER_BATCH_TEXTS)) }),
  }),
);
export type PrefilterReply = z.infer<typeof prefilterReplySchema>;

/**
 * What a page needs to know before it scans (content/scan-plan): whether to highlight on this site,
 * whether invisibly, and the policy its requests name. The settings stay in the worker.
 */
export const scanPlanReplySchema = z.lazy(() =>
  z.object({
    ok: z.literal(true),
    data: z.object({ scan: z.boolean(), stealth: z.boolean(), policy: z.string().check(z.maxLength(64)) }),
  }),
);
export type ScanPlan = z.infer<typeof scanPlanReplySchema>['data'];

const offset = () => z.number().check(z.int(), z.nonnegative());

/** One phrase found in a block, located in the block's text nodes. */
const foundSpan = () => z.object({
  /** Text-node coordinates; a match may run across adjacent nodes ("出<b>售</b>枪支"). */
  startNode: offset(),
  startOffset: offset(),
  endNode: offset(),
  endOffset: offset(),
  phrase: z.string().check(z.maxLength(1000)),
  category: categorySchema,
  strength: z.enum(['strong', 'weak']),
});
export type FoundSpan = z.infer<ReturnType<typeof foundSpan>>;

/*
 * Built on the first reply, like the other schemas a page may never need (the content script runs
 * on every page, and building schemas is part of its start-up).
 */
export const blockFindingSchema = z.lazy(() =>
  z.object({
    spans: z.array(foundSpan()).check(z.maxLength(100_000)),
    /** A listing: a strong phrase, or a weak one next to sale intent, and not a report about crime. */
    suspect: z.boolean(),
  }),
);
export type BlockFinding = z.infer<typeof blockFindingSchema>;

/**
 * The router's reply to a scan request (shared/messages.ts `Reply`), as the content script reads it:
 * the blocks with a finding, by their index in the request. Most candidate blocks have none, and a
 * reply without them is quicker to validate on a page where the validator runs cold.
 */
export const scanBlocksReplySchema = z.lazy(() =>
  z.object({
    ok: z.literal(true),
    data: z.array(z.object({ block: offset(), finding: blockFindingSchema })).check(z.maxLength(SCAN_BATCH_BLOCKS)),
  }),
);
export type ScanBlocksReply = z.infer<typeof scanBlocksReplySchema>;

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
 * enough to send with every request. The page and the worker read the policy separately, and the
 * worker answers only for the policy the page scans under.
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
