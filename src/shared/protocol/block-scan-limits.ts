/*
 * Limits of the worker's scans of pages' text (docs/ARCHITECTURE.md, performance), apart from the
 * schemas (block-scan.ts) and helpers (scan-replies.ts): the content script imports these, and no zod
 * code runs while a page loads.
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
/**
 * UTF-16 units of the page's title, headline and the headline's surroundings sent with an exact scan:
 * its genre (a news page, a glossary) and, on a product page, the offer the headline is part of.
 */
export const PAGE_HEADLINE_UNITS = 600;
/** UTF-16 units of the page's last text (its footer), sent after the headline and a line break. */
export const PAGE_FOOTER_UNITS = 400;
/** UTF-16 units of each neighbour's text (before and after) sent with a block for its exact scan. */
export const NEARBY_SIDE_UNITS = 300;
/** A block's neighbours as sent: the text before, a line break, the text after. */
export const NEARBY_UNITS = 2 * NEARBY_SIDE_UNITS + 1;
/** UTF-16 units of the page's title, sent on a line of its own after the footer. */
export const PAGE_TITLE_UNITS = 199;
/** The whole page context of an exact scan: headline, line break, footer, line break, title. */
export const PAGE_CONTEXT_UNITS = PAGE_HEADLINE_UNITS + 1 + PAGE_FOOTER_UNITS + 1 + PAGE_TITLE_UNITS;
/** The worker's refusal of a request made under another policy: the page starts again under the new one. */
export const POLICY_CHANGED = 'the page scans under another policy';

/** The worker's answer to a tab over its scan budget: the page asks again a few seconds later. */
export const WORKER_BUSY = 'this tab has used its scan budget for now';
/** How long a page waits after WORKER_BUSY before it asks again. */
export const BUSY_RETRY_MS = 5_000;

/** Prefilter states are small integers (matcher/prefilter.ts `PREFILTER_STATE`). */
export const PREFILTER_STATE_MAX = 0x0fffffff;
