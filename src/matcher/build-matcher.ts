import { BUILTIN_PHRASE_LISTS } from '../phrases';
import { enabledCategories, type Settings } from '../shared/settings';
import type { Category } from '../shared/taxonomy';
import type { BlockMatcher } from './block-finding';
import { BUILTIN_ENTRIES, prebuiltPrefilter, prefilterPatterns, SIGNAL_WORDS, signalWordAutomaton } from './prebuilt-tables';
import { phraseSetKey, type PrefilterCache } from '../shared/prefilter-cache';
import { fromBase64, toBase64 } from './table-pack';
import { createMatcher, type Matcher, type MatcherPhrase, type PageHeadline } from './index';
import { PagePrefilter } from './prefilter';
import { PREFILTER_CANDIDATE, PREFILTER_ODD } from './prefilter-bits';
import { detectSaleSignals } from './sale-signals';
import { builtinOfferGate } from './builtin-gate';
import { gateText, offerProbability, type OfferGateModel } from './offer-gate';
import { activeRegexPhrases, anyRegexMatches, regexSpans, type RegexPhrase } from './regex-phrases';
import type { BlockFinding, FoundSpan, ListingReasons } from '../shared/protocol/block-scan';

/** Highlights kept per block: 200 blocks a reply stay a few megabytes. */
export const MAX_SPANS_PER_BLOCK = 500;

interface Entry extends MatcherPhrase {
  category: Category;
}

/** A block the lists' rules call suspect, as the offer gate reads it (for its trainer: scripts/train/offer-gate.train.ts). */
export interface GateSample {
  text: string;
  /** The rules' verdict before the gate. */
  suspect: boolean;
  /** Prices, contacts and sale words in the block. */
  terms: number;
  /** Phrases the rules counted (an everyday or code word with nothing beside it is not counted). */
  counted: number;
  /** An offer the rules read past doubt: a strong phrase or a messenger handle, each with a price or a handle. */
  sure: boolean;
}

export interface GateOptions {
  /** The model; null reads no block a second time (the rules alone). Default: the built-in one. */
  model?: OfferGateModel | null;
  /** Called with every block that holds a phrase, before the gate (the trainer's samples). */
  observe?: (sample: GateSample) => void;
}

/** The phrases a page is searched for: built-in lists and the reporter's own, minus disabled categories. */
export function activePhrases(settings: Settings, extraLists: readonly { entries: readonly Entry[] }[] = []): Entry[] {
  const enabled = enabledCategories(settings);
  const entries: Entry[] = [];
  for (const list of [...BUILTIN_PHRASE_LISTS, ...extraLists]) {
    for (const entry of list.entries) if (enabled.has(entry.category)) entries.push(entry);
  }
  for (const custom of settings.customPhrases) {
    if (!custom.regex && enabled.has(custom.category)) entries.push({ phrase: custom.phrase, category: custom.category, strength: custom.strength });
  }
  return entries;
}

/**
 * The exact matcher is built on first use, from the phrases the prefilter has read so far: most pages
 * have no candidate block at all, and the rest name a handful of phrases, while an automaton of every
 * phrase costs more to build than the scan of an ordinary page. It grows when the prefilter reads new
 * phrases (a page that changes), up to the whole list.
 */
export function createBlockMatcher(
  phrases: readonly Entry[],
  regexes: readonly RegexPhrase[] = [],
  prebuilt?: { prefilter: PagePrefilter; include?: (entry: Entry) => boolean },
  gate: GateOptions = {},
): BlockMatcher & { memoryEstimateBytes(): number; heldPhrases(): number } {
  const gateModel = gate.model === undefined ? builtinOfferGate() : gate.model;
  // Sale and benign words alone never make a finding, so the prefilter looks for phrases only. A
  // prebuilt one may hold phrases of disabled categories: the exact matcher leaves them out.
  const phraseFilter = prebuilt?.prefilter ?? new PagePrefilter(prefilterPatterns(phrases));
  const include = prebuilt?.include ?? (() => true);
  const prefilter =
    regexes.length === 0
      ? phraseFilter
      : {
          stateCount: phraseFilter.stateCount,
          feed(data: string, state: number): number {
            const result = phraseFilter.feed(data, state);
            if ((result & PREFILTER_CANDIDATE) !== 0 || !anyRegexMatches(regexes, data)) return result;
            return result | PREFILTER_ODD;
          },
        };
  let exact: Matcher<Entry> | undefined;
  /** The last page context read and its benign words: the blocks of one page share it. */
  let lastPage: { page: string; matcher: Matcher<Entry>; headline: PageHeadline<Entry['category']> } | undefined;
  const pageHeadline = (exact: Matcher<Entry>, page: string | undefined): PageHeadline<Entry['category']> | undefined => {
    if (!page) return undefined;
    if (lastPage?.page !== page || lastPage.matcher !== exact) lastPage = { page, matcher: exact, headline: exact.readHeadline(page) };
    return lastPage.headline;
  };
  /** Phrases the exact matcher holds; -1 once it holds them all. */
  let held = 0;
  const matcher = (): Matcher<Entry> => {
    if (exact && held === -1) return exact;
    const { all, ids } = phraseFilter.seenPhrases();
    if (exact && !all && ids.length === held) return exact;
    // Past a quarter of the list a subset saves little, and rebuilding on every new phrase would not.
    const whole = all || ids.length * 4 >= phrases.length;
    held = whole ? -1 : ids.length;
    const subset = (whole ? phrases : ids.map((id) => phrases[id] as Entry)).filter(include);
    exact = createMatcher(subset, SIGNAL_WORDS, signalWordAutomaton());
    return exact;
  };
  const blockMatcher: BlockMatcher & { memoryEstimateBytes(): number; heldPhrases(): number } = {
    prefilter,
    memoryEstimateBytes: () => matcher().memoryEstimateBytes() + phraseFilter.memoryEstimateBytes(),
    /** Phrases in the exact matcher (none before its first use). */
    heldPhrases: () => (exact === undefined ? 0 : held === -1 ? phrases.length : held),
    mayHoldPhrase(texts): boolean {
      // Every text is read, not just up to the first hit: the exact matcher holds the phrases the
      // prefilter has read. What the prefilter finds nothing in, the exact scan would not either.
      let state = 0;
      let flags = 0;
      for (const text of texts) {
        state = prefilter.feed(text, state);
        flags |= state;
      }
      return (flags & PREFILTER_CANDIDATE) !== 0;
    },
    scanBlock: (texts, page, nearby) => (blockMatcher.mayHoldPhrase(texts) ? blockMatcher.scanCandidate(texts, page, nearby) : { spans: [], suspect: false }),
    scanCandidate(texts, page, nearby): BlockFinding {
      const exact = matcher();
      const scan = exact.scanText(texts);
      const custom = regexSpans(regexes, texts);
      if (scan.phrases.length === 0 && custom.length === 0) return { spans: [], suspect: false };
      const headline = pageHeadline(exact, page);
      const score = scan.phrases.length > 0 ? exact.scoreBlock(scan, headline, nearby) : undefined;
      let suspect = score?.suspect === true;
      // The gate reads a block with the text around it, as the content script sends every block; one
      // scanned alone (a test, a caller without the page) keeps the rules' verdict.
      let read = false;
      if (score && nearby !== undefined && (gate.observe || gateModel)) {
        const text = gateText(scan.normalised.text, nearby, headline?.text);
        const sure = suspect && ((score.strong > 0 && (score.prices > 0 || score.apps > 0)) || (score.apps > 0 && score.prices > 0));
        gate.observe?.({ text, suspect, terms: score.prices + score.contacts + score.saleWords, counted: score.strong + score.weak, sure });
        if (gateModel) {
          const p = offerProbability(gateModel, text);
          // It takes away what reads as no offer, but never an offer the rules read past doubt (goods named
          // by a strong phrase beside a price or a messenger handle, or a handle beside a price: on a page
          // unlike those it learned from, "handgun for sale 价格 1800元 微信 abc1" read as no offer); and it finds
          // what reads as one past doubt though the rules let it pass: an offer written in words the lists
          // do not weigh (docs/PHRASE-LISTS.md, the offer gate).
          if (suspect && !sure && p < gateModel.threshold) suspect = false;
          else if (!suspect && p >= gateModel.finds) suspect = read = true;
        }
      }
      if (!suspect && custom.length > 0) {
        // The reporter's patterns follow the lists' rule: strong alone, weak next to sale intent.
        suspect =
          custom.some((span) => span.strength === 'strong') ||
          scan.saleWords.length > 0 ||
          detectSaleSignals(scan.normalised.text).length > 0;
      }
      const spans: FoundSpan[] = exact
        .highlights(scan)
        .map((hit) => ({
          startNode: hit.range.startNode,
          startOffset: hit.range.startOffset,
          endNode: hit.range.endNode,
          endOffset: hit.range.endOffset,
          phrase: hit.entry.phrase,
          category: hit.entry.category,
          strength: hit.strength,
        }));
      // A block of nothing but one short phrase repeated would otherwise make a reply of millions of
      // spans (over the schema's limit and the browser's message size): the first ones mark it enough.
      const category = score?.category ?? (read ? scan.phrases[0]?.entry.category : undefined);
      const why: ListingReasons | undefined =
        suspect && score && category
          ? {
              category,
              strong: score.strong > 0,
              weak: score.weak > 0,
              price: score.prices > 0,
              // A handle in the message next to the block is the listing's contact too.
              contact: score.contacts > 0 || score.contactsNearby > 0,
              saleWord: score.saleWords > 0,
              quoted: score.benign > 0,
              ...(read ? { read } : {}),
            }
          : undefined;
      const found = [...spans, ...custom].slice(0, MAX_SPANS_PER_BLOCK);
      return why ? { suspect, spans: found, why } : { suspect, spans: found };
    },
  };
  return blockMatcher;
}

/** Do the reporter's own phrases or subscribed lists join the built-in ones (no prebuilt prefilter then)? */
function hasOwnPhrases(settings: Settings, extraLists: readonly { entries: readonly Entry[] }[]): boolean {
  return settings.customPhrases.some((custom) => !custom.regex) || extraLists.some((list) => list.entries.length > 0);
}

/**
 * What the background stores for pages (shared/prefilter-cache.ts) when the reporter's own phrases or
 * lists are in use; undefined when the built-in prefilter serves.
 */
export function prefilterCacheFor(settings: Settings, extraLists: readonly { entries: readonly Entry[] }[], version: string): PrefilterCache | undefined {
  if (!hasOwnPhrases(settings, extraLists)) return undefined;
  const phrases = activePhrases(settings, extraLists);
  return { key: phraseSetKey(phrases, version), tables: toBase64(new PagePrefilter(prefilterPatterns(phrases)).toBytes()) };
}

export async function buildBlockMatcher(
  settings: Settings,
  extraLists: readonly { entries: readonly Entry[] }[] = [],
  cache?: { stored: PrefilterCache; version: string },
  gate: GateOptions = {},
): Promise<BlockMatcher> {
  const regexes = activeRegexPhrases(settings);
  if (!hasOwnPhrases(settings, extraLists)) {
    const prefilter = prebuiltPrefilter();
    if (prefilter) {
      const enabled = enabledCategories(settings);
      return createBlockMatcher(BUILTIN_ENTRIES, regexes, { prefilter, include: (entry) => enabled.has(entry.category) }, gate);
    }
  }
  const phrases = activePhrases(settings, extraLists);
  if (cache && cache.stored.key === phraseSetKey(phrases, cache.version)) {
    try {
      return createBlockMatcher(phrases, regexes, { prefilter: new PagePrefilter(fromBase64(cache.stored.tables)) }, gate);
    } catch {
      // Unreadable tables: build the prefilter here instead.
    }
  }
  return createBlockMatcher(phrases, regexes, undefined, gate);
}
