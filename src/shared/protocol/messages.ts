import { z } from 'zod/mini';
import { categorySchema } from '../category-schema';
import { listingSchema, matchSchema } from '../report';
import { settingsSchema, endpointSchema } from '../settings';
import { lazyUnionByType, type MessageOf } from './lazy-union';
import { listingReasonFlags } from './block-scan';
import { PREFILTER_BATCH_TEXTS, PREFILTER_STATE_MAX, SCAN_BATCH_BLOCKS, SCAN_BATCH_UNITS, SCAN_BLOCK_NODES, PAGE_CONTEXT_UNITS, NEARBY_UNITS } from './block-scan-limits';
import { unitsOf } from './scan-replies';

/*
 * One typed protocol per direction, validated at the door (docs/ARCHITECTURE.md, style). The sender decides which
 * schema applies: a content script can only ever speak `contentToBackground`.
 *
 * Nothing here is built when the worker starts: each message type's schema is built when the first
 * message of that type arrives (lazy-union.ts), and the schemas the worker uses elsewhere are `z.lazy`.
 */

const tabId = () => z.number().check(z.int(), z.nonnegative());
const reportId = () => z.uuid();

/** Why one suspect block is a listing (shared/protocol/block-scan.ts `ListingReasons`, without its category). */
export const listingReasonFlagsSchema = z.lazy(listingReasonFlags);
export type ListingReasonFlags = z.infer<typeof listingReasonFlagsSchema>;

/** One suspect listing of a page, for the report form to say why it is suspect. */
export const listingSummarySchema = z.lazy(() =>
  z.object({
    category: categorySchema,
    /** Absent when the worker gave no reasons (a block of the reporter's own patterns alone, or cut in parts). */
    reasons: z.optional(listingReasonFlagsSchema),
    phrases: z.array(z.object({ phrase: z.string().check(z.maxLength(1000)), strength: z.enum(['strong', 'weak']) })).check(z.maxLength(20)),
  }),
);
export type ListingSummary = z.infer<typeof listingSummarySchema>;

export const pageSummarySchema = z.lazy(() =>
  z.object({
    url: z.string().check(z.maxLength(8192)),
    matches: z.array(matchSchema).check(z.maxLength(5000)),
    suspectBlocks: z.number().check(z.int(), z.nonnegative()),
    weakHits: z.number().check(z.int(), z.nonnegative()),
    strongHits: z.number().check(z.int(), z.nonnegative()),
    /** The suspect listings in page order; optional, so that a summary from an older content script still reads. */
    listings: z.optional(z.array(listingSummarySchema).check(z.maxLength(100))),
  }),
);
export type PageSummary = z.infer<typeof pageSummarySchema>;

export const rectSchema = z.lazy(() =>
  z.object({
    x: z.number(),
    y: z.number(),
    width: z.number().check(z.nonnegative()),
    height: z.number().check(z.nonnegative()),
  }),
);
export type Rect = z.infer<typeof rectSchema>;

/** What the content script tells of the listing under the last right-click. */
export const listingCaptureSchema = z.lazy(() =>
  z.object({
    listing: listingSchema,
    matches: z.array(matchSchema).check(z.maxLength(5000)),
    /** The listing's box in CSS pixels, relative to the viewport, after it was scrolled into view. */
    rect: rectSchema,
    viewport: z.object({ width: z.number().check(z.positive()), height: z.number().check(z.positive()) }),
    devicePixelRatio: z.number().check(z.positive(), z.lte(8)),
    title: z.string().check(z.maxLength(2000)),
    url: z.string().check(z.maxLength(8192)),
  }),
);
export type ListingCapture = z.infer<typeof listingCaptureSchema>;

export const pageMetricsSchema = z.lazy(() =>
  z.object({
    scrollX: z.number(),
    scrollY: z.number(),
    scrollHeight: z.number().check(z.nonnegative()),
    viewportWidth: z.number().check(z.positive()),
    viewportHeight: z.number().check(z.positive()),
    devicePixelRatio: z.number().check(z.positive(), z.lte(8)),
  }),
);
export type PageMetrics = z.infer<typeof pageMetricsSchema>;

/** Base64 of one piece of evidence as it crosses the worker's messages: 48 MB of text at most (Chrome's limit is 64 MiB). */
export const HELD_DATA_MAX = 48_000_000;

/**
 * A capture the worker took and handed back without storing it (docs/PRIVACY.md, "Child sexual
 * abuse material"): the report form holds it in its own memory until a category other than
 * child sexual abuse is known, then asks the worker to keep it (`draft/keep`) under `partId`.
 */
const heldCapture = () =>
  z.object({
    partId: z.uuid(),
    variant: z.enum(['visible', 'listing', 'full-page', 'dom', 'mhtml']),
    mediaType: z.enum(['image/png', 'text/html', 'multipart/related']),
    bytes: z.number().check(z.int(), z.nonnegative()),
    sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    /** When the bytes were taken (ms since the epoch): the stored part keeps this time, not the time it was stored. */
    capturedAt: z.number().check(z.int(), z.nonnegative()),
    /** The bytes, base64. */
    data: z.string().check(z.maxLength(HELD_DATA_MAX)),
  });
export const heldCaptureSchema = z.lazy(heldCapture);
export type HeldCapture = z.infer<typeof heldCaptureSchema>;

/** A report prepared by the background (right-click, pick mode, or the URL-only entry) for the form to open with. */
export const preparedDraftSchema = z.lazy(() =>
  z.object({
    draftId: z.uuid(),
    tabId: tabId(),
    listing: z.optional(listingSchema),
    matches: z.array(matchSchema).check(z.maxLength(5000)),
    /** The listing's and the visible page's shots, held in memory only (never in storage). */
    parts: z.array(z.extend(heldCapture(), { variant: z.enum(['visible', 'listing']) })).check(z.maxLength(2)),
    error: z.optional(z.string()),
    /** "Report child sexual abuse (URL only)", or evidence discarded: nothing is captured for this draft. */
    urlOnly: z.optional(z.boolean()),
  }),
);
export type PreparedDraft = z.infer<typeof preparedDraftSchema>;

/**
 * What of a prepared draft is kept in session storage: the tab and whether it is URL-only, nothing
 * taken from the page (background/draft-store.ts).
 */
export const storedDraftSchema = z.lazy(() =>
  z.object({
    draftId: z.uuid(),
    tabId: tabId(),
    error: z.optional(z.string().check(z.maxLength(200))),
    urlOnly: z.optional(z.boolean()),
    /** The worker held the page's part in memory for the window to take once. */
    held: z.optional(z.boolean()),
  }),
);
export type StoredDraft = z.infer<typeof storedDraftSchema>;

/** Candidate blocks for the worker's exact scan (shared/protocol/block-scan.ts): each block's text nodes, in order. */
const scanBlocksRequest = () =>
  z.object({
    type: z.literal('content/scan-blocks'),
    /** `policyFingerprint` of the policy the page scans under. */
    policy: z.string().check(z.maxLength(64)),
    blocks: z
      .array(z.array(z.string()).check(z.maxLength(SCAN_BLOCK_NODES)))
      .check(
        z.minLength(1),
        z.maxLength(SCAN_BATCH_BLOCKS),
        z.refine((blocks) => unitsOf(blocks) <= SCAN_BATCH_UNITS, { message: `more than ${SCAN_BATCH_UNITS} units of text` }),
      ),
    /** The page's title and headline: a report, a glossary or a help page says so there. */
    page: z.optional(z.string().check(z.maxLength(PAGE_CONTEXT_UNITS))),
    /** Per block, the text just before and after it (src/content/exact-scan.ts, nearbyText). */
    nearby: z.optional(z.array(z.string().check(z.maxLength(NEARBY_UNITS))).check(z.maxLength(SCAN_BATCH_BLOCKS))),
  });
export const scanBlocksRequestSchema = z.lazy(scanBlocksRequest);

/** A page's text nodes, in walk order, for the worker's prefilter (shared/protocol/block-scan.ts). */
const prefilterTextsRequest = () =>
  z.object({
    type: z.literal('content/prefilter-texts'),
    policy: z.string().check(z.maxLength(64)),
    /** The prefilter's state after the page's previous request, so that a phrase split by markup at a batch edge is read. */
    state: z.number().check(z.int(), z.nonnegative(), z.lte(PREFILTER_STATE_MAX)),
    texts: z
      .array(z.string())
      .check(
        z.minLength(1),
        z.maxLength(PREFILTER_BATCH_TEXTS),
        z.refine((texts) => unitsOf([texts]) <= SCAN_BATCH_UNITS, { message: `more than ${SCAN_BATCH_UNITS} units of text` }),
      ),
  });
export const prefilterTextsRequestSchema = z.lazy(prefilterTextsRequest);

const scanPlanRequest = () =>
  z.object({
    type: z.literal('content/scan-plan'),
    /** The page's host name, for the reporter's paused and hidden sites. */
    site: z.string().check(z.maxLength(253)),
  });
export const scanPlanRequestSchema = z.lazy(scanPlanRequest);

/** Each message a content script may send, by type (lazy-union.ts). */
export const contentMessageSchemas = {
  'content/summary': () => z.object({ type: z.literal('content/summary'), summary: pageSummarySchema }),
  'content/scan-blocks': scanBlocksRequest,
  'content/prefilter-texts': prefilterTextsRequest,
  'content/scan-plan': scanPlanRequest,
  /** The reporter tapped a listing in pick mode; the worker acts on it only if the form asked for a pick on that tab. */
  'content/listing-picked': () => z.object({ type: z.literal('content/listing-picked') }),
  /** The bootstrap of a loaded page asks for the scanner (src/background/inject-scanner.ts). */
  'content/inject-scanner': () => z.object({ type: z.literal('content/inject-scanner') }),
  /** The scanner is about to paint its first highlight in its document: the colours, please. */
  'content/highlight-style': () => z.object({ type: z.literal('content/highlight-style') }),
};
export const contentToBackground = lazyUnionByType(contentMessageSchemas);
export type ContentMessage = MessageOf<typeof contentMessageSchemas>;

export const draftSchema = z.lazy(() =>
  z.object({
    draftId: z.uuid(),
    tabId: z.nullable(tabId()),
    category: categorySchema,
    note: z.string().check(z.maxLength(10_000)),
    includeContact: z.boolean(),
    contact: z.string().check(z.maxLength(500)),
    page: z.object({
      url: z.string().check(z.maxLength(8192)),
      title: z.string().check(z.maxLength(2000)),
      lang: z.optional(z.string().check(z.maxLength(35))),
    }),
    listing: z.optional(listingSchema),
    matches: z.array(matchSchema).check(z.maxLength(5000)),
    /** Evidence part ids (already captured into the database) that the reporter chose to send. */
    partIds: z.array(z.uuid()).check(z.maxLength(2)),
  }),
);
export type Draft = z.infer<typeof draftSchema>;

export const historyFilterSchema = z.lazy(() =>
  z.object({
    status: z.optional(z.string().check(z.maxLength(20))),
    category: z.optional(categorySchema),
    text: z.optional(z.string().check(z.maxLength(200))),
  }),
);

/** Each message the extension's pages may send, by type (lazy-union.ts). */
export const uiMessageSchemas = {
  /** `fromPage: false` asks the page nothing and leaves its title out (a URL-only report takes nothing from it). */
  'tab/context': () => z.object({ type: z.literal('tab/context'), tabId: tabId(), fromPage: z.optional(z.boolean()) }),
  /** Captures are handed back to the form, not stored: `draft/keep` stores them once the category allows. */
  'capture/visible': () => z.object({ type: z.literal('capture/visible'), tabId: tabId() }),
  'capture/full-page': () => z.object({ type: z.literal('capture/full-page'), tabId: tabId() }),
  'capture/snapshot': () => z.object({ type: z.literal('capture/snapshot'), tabId: tabId() }),
  /** Stores held captures as the draft's parts; refused for a category whose evidence is forbidden. */
  'draft/keep': () =>
    z.object({
      type: z.literal('draft/keep'),
      draftId: z.uuid(),
      /** The worker refuses a category whose evidence is forbidden. */
      category: categorySchema,
      parts: z.array(heldCaptureSchema).check(z.minLength(1), z.maxLength(4)),
    }),
  'draft/discard': () => z.object({ type: z.literal('draft/discard'), draftId: z.uuid() }),
  'draft/get': () => z.object({ type: z.literal('draft/get'), draftId: z.uuid() }),
  'report/submit': () => z.object({ type: z.literal('report/submit'), draft: draftSchema }),
  'history/list': () =>
    z.object({
      type: z.literal('history/list'),
      limit: z.number().check(z.int(), z.gte(1), z.lte(200)),
      before: z.optional(z.string().check(z.maxLength(40))),
      filter: z.optional(historyFilterSchema),
    }),
  'history/get': () => z.object({ type: z.literal('history/get'), id: reportId() }),
  'history/retry': () => z.object({ type: z.literal('history/retry'), id: reportId() }),
  'history/cancel': () => z.object({ type: z.literal('history/cancel'), id: reportId() }),
  'history/delete': () => z.object({ type: z.literal('history/delete'), id: reportId() }),
  'settings/get': () => z.object({ type: z.literal('settings/get') }),
  'settings/save': () => z.object({ type: z.literal('settings/save'), settings: settingsSchema }),
  'endpoint/test': () => z.object({ type: z.literal('endpoint/test'), endpoint: endpointSchema }),
  'page/scroll-to': () => z.object({ type: z.literal('page/scroll-to'), tabId: tabId(), phrase: z.string().check(z.maxLength(200)) }),
  /** "Pick a listing on the page": the tab's next trusted tap chooses the listing to report (background/pick-listing.ts). */
  'page/pick-listing': () => z.object({ type: z.literal('page/pick-listing'), tabId: tabId() }),
  'data/clear': () => z.object({ type: z.literal('data/clear') }),
  'settings/locked': () => z.object({ type: z.literal('settings/locked') }),
  /** Answered once the worker has the browser's own policy (pages are first shown under the one it kept: background/ui-policy.ts). */
  'settings/policy-ready': () => z.object({ type: z.literal('settings/policy-ready') }),
  'lists/status': () => z.object({ type: z.literal('lists/status') }),
  'lists/refresh': () => z.object({ type: z.literal('lists/refresh'), urls: z.optional(z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(50))) }),
};
export const uiToBackground = lazyUnionByType(uiMessageSchemas);
export type UiMessage = MessageOf<typeof uiMessageSchemas>;
