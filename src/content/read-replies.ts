import { CATEGORY_IDS } from '../shared/taxonomy';
import { PREFILTER_BATCH_TEXTS, PREFILTER_STATE_MAX, SCAN_BATCH_BLOCKS } from '../shared/protocol/block-scan-limits';
import type { BlockFinding, FoundSpan, ListingReasons, PrefilterReply, ScanBlocksReply, ScanPlan } from '../shared/protocol/block-scan';

/*
 * The content script's reading of the worker's replies: the same rules as the zod schemas of
 * shared/protocol/block-scan.ts, written out, because building those schemas on every page load cost 10-20 ms
 * of the script's start (A/B runs). The worker checks each reply with the schemas before sending
 * it, and test/unit/content/read-replies.test.ts holds these guards to the schemas on random replies.
 * Each returns the reply's data, or undefined for anything the schema would refuse; the one exception
 * is a finding's `why`, which is dropped on its own when malformed (readWhy).
 */

type Data = Record<string, unknown>;

const CATEGORIES: ReadonlySet<unknown> = new Set(CATEGORY_IDS);

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** `{ ok: true, data }`: the data, when it is a record. */
function okData(reply: unknown): unknown {
  return isRecord(reply) && reply.ok === true ? reply.data : undefined;
}

export function readScanPlan(reply: unknown): ScanPlan | undefined {
  const data = okData(reply);
  if (!isRecord(data)) return undefined;
  const { scan, stealth, policy } = data;
  if (typeof scan !== 'boolean' || typeof stealth !== 'boolean' || typeof policy !== 'string' || policy.length > 64) return undefined;
  return { scan, stealth, policy };
}

export function readPrefilterReply(reply: unknown): PrefilterReply['data'] | undefined {
  const data = okData(reply);
  if (!isRecord(data)) return undefined;
  const { state, candidates } = data;
  if (!isOffset(state) || state > PREFILTER_STATE_MAX) return undefined;
  if (!Array.isArray(candidates) || candidates.length > PREFILTER_BATCH_TEXTS) return undefined;
  // An index loop, not `every`, which skips the holes of a sparse array.
  for (let index = 0; index < candidates.length; index++) if (!isOffset(candidates[index])) return undefined;
  return { state, candidates: candidates as number[] };
}

function readSpan(value: unknown): FoundSpan | undefined {
  if (!isRecord(value)) return undefined;
  const { startNode, startOffset, endNode, endOffset, phrase, category, strength } = value;
  if (!isOffset(startNode) || !isOffset(startOffset) || !isOffset(endNode) || !isOffset(endOffset)) return undefined;
  if (typeof phrase !== 'string' || phrase.length > 1000 || !CATEGORIES.has(category)) return undefined;
  if (strength !== 'strong' && strength !== 'weak') return undefined;
  return { startNode, startOffset, endNode, endOffset, phrase, category: category as FoundSpan['category'], strength };
}

/**
 * A finding's reasons, field by field. Stricter than the schema, which refuses the whole reply: a
 * malformed `why` only costs the popup its explanation, so readWhy's caller drops it and keeps the
 * finding (its highlights and the badge do not depend on it).
 */
function readWhy(value: unknown): ListingReasons | undefined {
  if (!isRecord(value)) return undefined;
  const { category, strong, weak, price, contact, saleWord, quoted } = value;
  if (!CATEGORIES.has(category)) return undefined;
  if (typeof strong !== 'boolean' || typeof weak !== 'boolean' || typeof price !== 'boolean') return undefined;
  if (typeof contact !== 'boolean' || typeof saleWord !== 'boolean' || typeof quoted !== 'boolean') return undefined;
  const read = value.read;
  if (read !== undefined && typeof read !== 'boolean') return undefined;
  return { category: category as ListingReasons['category'], strong, weak, price, contact, saleWord, quoted, ...(read !== undefined ? { read } : {}) };
}

function readFinding(value: unknown): BlockFinding | undefined {
  if (!isRecord(value) || typeof value.suspect !== 'boolean' || !Array.isArray(value.spans) || value.spans.length > 100_000) return undefined;
  const spans: FoundSpan[] = [];
  for (const raw of value.spans as unknown[]) {
    const span = readSpan(raw);
    if (!span) return undefined;
    spans.push(span);
  }
  const why = value.why === undefined ? undefined : readWhy(value.why);
  return why ? { spans, suspect: value.suspect, why } : { spans, suspect: value.suspect };
}

export function readScanBlocksReply(reply: unknown): ScanBlocksReply['data'] | undefined {
  const data = okData(reply);
  if (!Array.isArray(data) || data.length > SCAN_BATCH_BLOCKS) return undefined;
  const found: ScanBlocksReply['data'] = [];
  for (const entry of data as unknown[]) {
    if (!isRecord(entry) || !isOffset(entry.block)) return undefined;
    const finding = readFinding(entry.finding);
    if (!finding) return undefined;
    found.push({ block: entry.block, finding });
  }
  return found;
}
