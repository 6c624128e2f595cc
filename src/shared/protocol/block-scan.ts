import { z } from 'zod/mini';
import { categorySchema } from '../category-schema';
import { PREFILTER_BATCH_TEXTS, PREFILTER_STATE_MAX, SCAN_BATCH_BLOCKS } from './block-scan-limits';

/*
 * The replies of the worker's scans of pages' text (docs/ARCHITECTURE.md; limits in
 * block-scan-limits.ts, helpers in scan-replies.ts). The worker checks each reply with these schemas before it sends it; the
 * content script reads it with the guards of content/read-replies.ts, which a property test holds to
 * these schemas, because building zod schemas on every page load cost 10-20 ms of it. The requests'
 * schemas are with the other messages to the worker (messages.ts).
 */


/** Prefilter states are small integers (matcher/prefilter.ts `PREFILTER_STATE`). */
const state = () => z.number().check(z.int(), z.nonnegative(), z.lte(PREFILTER_STATE_MAX));

/**
 * The worker's first pass over a page's text nodes (matcher/prefilter.ts): the indices of the texts
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

/**
 * Why a block is a suspect listing (src/matcher/score.ts), for the reporter to see: its category and
 * what made it an offer.
 */
const listingReasons = () => z.extend(listingReasonFlags(), { category: categorySchema });

/** What made a suspect block an offer: its reasons less their category. */
export const listingReasonFlags = () =>
  z.object({
    /** An unambiguous phrase, and/or weak words that needed sale intent. */
    strong: z.boolean(),
    weak: z.boolean(),
    price: z.boolean(),
    contact: z.boolean(),
    saleWord: z.boolean(),
    /** An offer quoted inside a report, a warning or a glossary. */
    quoted: z.boolean(),
    /** The offer gate read the block as an offer past doubt, though the lists' rules let it pass (src/matcher/offer-gate.ts). */
    read: z.optional(z.boolean()),
  });
export type ListingReasons = z.infer<ReturnType<typeof listingReasons>>;

/** Lazy, like the other schemas here: built on the worker's first reply. */
export const blockFindingSchema = z.lazy(() =>
  z.object({
    spans: z.array(foundSpan()).check(z.maxLength(100_000)),
    /** A listing: a strong phrase, or a weak one next to sale intent, and not a report about crime. */
    suspect: z.boolean(),
    /** Set on suspect blocks. */
    why: z.optional(listingReasons()),
  }),
);
export type BlockFinding = z.infer<typeof blockFindingSchema>;

/**
 * The router's reply to a scan request (shared/protocol/messages.ts `Reply`): the blocks with a finding, by
 * their index in the request. Most candidate blocks have none, and a reply without them is smaller to
 * send and to read.
 */
export const scanBlocksReplySchema = z.lazy(() =>
  z.object({
    ok: z.literal(true),
    data: z.array(z.object({ block: offset(), finding: blockFindingSchema })).check(z.maxLength(SCAN_BATCH_BLOCKS)),
  }),
);
export type ScanBlocksReply = z.infer<typeof scanBlocksReplySchema>;




