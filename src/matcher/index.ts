import { PhraseAutomaton, type AutomatonMatch } from './automaton';
import { toNodeRange, type NodeRange } from './node-ranges';
import { normalise, normaliseText, type NormalisedText } from './normalise';
import { selectLongestLeftmost } from './overlaps';
import { detectSaleSignals, saleWordType, type SaleSignal } from './sale-signals';
import { scoreBlock, type BlockScore, type Strength } from './score';
import { GATE_HEADLINE_CHARS } from './offer-gate';
import { isShortChineseTerm, standsAsWord } from './word-boundaries';
import { namesCompany, namesLicence } from './company-name';
import { foldLeet } from './leet';
import { adjacentHandles, endsWithLeadIn, handlesAfter, introducesQuote, nearbyHandles } from './nearby-text';
import { benignSentences, HEADING_LENGTH, HEADING_TEACHES, HOSTS_POSTS, TITLE_ASKS, TITLE_ASKS_EN, TITLE_SELLS, TITLE_TEACHES } from './page-genre';
import { quotesAnOffer, shortQuotes, standsInQuotes } from './quotations';
import {
  inQuestion,
  isMask,
  NOT_NEEDED_BEFORE,
  NOT_NEEDED_LOOKBACK,
  refusesPhrase,
  PHRASE_REFUSAL_LOOKBACK,
  QUESTION_AFTER,
  QUESTION_LOOKAHEAD,
  REFUSAL_LOOKBACK,
  toldOrRefused,
} from './word-context';

export type { NodeRange, NodeSegment } from './node-ranges';
export { splitByNode } from './node-ranges';
export type { NormalisedText } from './normalise';
export type { SaleSignal } from './sale-signals';
export type { BlockScore, Strength } from './score';

/** Structural view of a phrase-list entry (src/shared/phrase-list.ts entries fit it). */
export interface MatcherPhrase {
  phrase: string;
  category: string;
  strength: Strength;
  lang?: string;
}

/** A sale-intent or benign-context word (src/phrases/signals.ts entries fit it). */
export type SignalWord = string | { phrase: string; lang?: string };

export interface SignalWordLists {
  saleIntent?: readonly SignalWord[];
  benignContext?: readonly SignalWord[];
  /** Everyday compounds (冰箱, glue gun): a phrase found inside one is not a finding. */
  compounds?: readonly SignalWord[];
  /** Phrases that are also everyday words (护照, bank account): they need another phrase of their category or two kinds of sale intent. */
  ambiguous?: readonly SignalWord[];
  /** Of those, the food and everyday words used as code (冰, snow): they need another phrase of their category. */
  coded?: readonly SignalWord[];
}

/** A match in normalised coordinates plus where it sits in the block's text nodes. */
export interface Hit {
  start: number;
  end: number;
  range: NodeRange;
}

export interface PhraseHit<P extends MatcherPhrase = MatcherPhrase> extends Hit {
  phraseIndex: number;
  entry: P;
  phrase: string;
  category: P['category'];
  strength: Strength;
  /** A code word set in quotation marks of its own (“邮票”, “冰糖”, "candy"): the writer marks it as code. */
  quotedCode?: boolean;
  /** A strong phrase in quotation marks of its own, or in a question: named, not offered (it scores as weak). */
  quotedMention?: boolean;
}

export interface WordHit extends Hit {
  word: string;
}

export interface BlockScan<P extends MatcherPhrase = MatcherPhrase> {
  normalised: NormalisedText;
  /** Every phrase occurrence, overlaps included. */
  phrases: PhraseHit<P>[];
  saleWords: WordHit[];
  benign: WordHit[];
  /** Prices, contact handles and sale words, ordered by start. */
  signals: SaleSignal[];
}

/** What a page's title and headline say of all its blocks. */
export interface PageHeadline<C extends string = string> {
  /** A report, glossary, warning or official page. */
  benign: boolean;
  /** The goods it names (unambiguous phrases): a product page titled "Oxycodone 30mg" makes "60 pills $390" an offer. */
  categories: readonly C[];
  /** It offers them: goods with a price or a messenger handle (not a phone line or an e-mail address), and no benign word (a product page). */
  offer: boolean;
  /** Its title or footer names the registered company that runs it (a shop's, a firm's page). */
  company: boolean;
  /** The title and headline as read (normalised), for the offer gate (src/matcher/offer-gate.ts). */
  text: string;
}

export interface Matcher<P extends MatcherPhrase = MatcherPhrase> {
  /** Scan one block: a string, or the strings of its text nodes in document order. */
  scanText(text: string | readonly string[]): BlockScan<P>;
  /** `headline`: what the page's title and headline say, which speaks for every block of it. */
  /** `nearby`: the text just before and after the block (src/content/exact-scan.ts, nearbyText). */
  scoreBlock(scan: BlockScan<P>, headline?: PageHeadline<P['category']>, nearby?: string): BlockScore<P['category']>;
  /** Reads a page's title and headline (content/page-headline.ts). */
  readHeadline(text: string): PageHeadline<P['category']>;
  /** Disjoint phrase hits to paint (longest-leftmost wins). */
  highlights(scan: BlockScan<P>): PhraseHit<P>[];
  memoryEstimateBytes(): number;
}

const wordText = (w: SignalWord): string => (typeof w === 'string' ? w : w.phrase);

/** The automaton of sale words, benign words, then compounds, which `createMatcher` can be handed prebuilt. */
export function signalAutomaton(words: SignalWordLists): PhraseAutomaton {
  return PhraseAutomaton.build([...(words.saleIntent ?? []), ...(words.benignContext ?? []), ...(words.compounds ?? [])].map(wordText));
}

/** How far (normalised units) a benign word speaks for a phrase: about a paragraph. */
const BENIGN_REACH = 240;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const inside = (hit: { start: number; end: number }, outer: { start: number; end: number }) => hit.start >= outer.start && hit.end <= outer.end;

/**
 * Two automata, one for the phrases and one for sale and benign words: the words never change, so
 * theirs can be built with the extension (`wordAutomaton`, from `signalAutomaton` of the same `words`),
 * while the phrases' one follows the lists and what a page names.
 */
export function createMatcher<P extends MatcherPhrase>(
  phrases: readonly P[],
  words: SignalWordLists = {},
  wordAutomaton: PhraseAutomaton = signalAutomaton(words),
): Matcher<P> {
  const sale = (words.saleIntent ?? []).map(wordText);
  const benign = (words.benignContext ?? []).map(wordText);
  const ambiguousWords = new Set((words.ambiguous ?? []).map((w) => normaliseText(wordText(w)).trim()));
  const normalisedPhrases = phrases.map((p) => normaliseText(p.phrase).trim());
  const ambiguous = normalisedPhrases.map((phrase) => ambiguousWords.has(phrase));
  const codedWords = new Set((words.coded ?? []).map((w) => normaliseText(wordText(w)).trim()));
  const coded = normalisedPhrases.map((phrase) => codedWords.has(phrase));
  const shortChinese = normalisedPhrases.map(isShortChineseTerm);
  const automaton = PhraseAutomaton.build(phrases.map((p) => p.phrase));

  function scanText(text: string | readonly string[]): BlockScan<P> {
    const normalised = normalise(text);
    const scan: BlockScan<P> = { normalised, phrases: [], saleWords: [], benign: [], signals: [] };
    const addPhrase = (m: AutomatonMatch) => {
      const entry = phrases[m.phraseIndex] as P;
      const range = toNodeRange(normalised, m.start, m.end);
      scan.phrases.push({ ...m, range, entry, phrase: entry.phrase, category: entry.category, strength: entry.strength });
    };
    for (const m of automaton.scan(normalised.codes)) addPhrase(m);
    // A second read with digits and symbols written for letters folded back ("kn1ves", "w@llh@ck"): only its
    // hits that hold a folded unit are new, and the folding keeps every offset.
    const leet = foldLeet(normalised.codes);
    if (leet) {
      for (const m of automaton.scan(leet)) {
        for (let i = m.start; i < m.end; i++) {
          if (leet[i] !== normalised.codes[i]) {
            addPhrase(m);
            break;
          }
        }
      }
      scan.phrases.sort((a, b) => a.start - b.start || a.end - b.end);
    }
    const compounds: { start: number; end: number }[] = [];
    for (const m of wordAutomaton.scan(normalised.codes)) {
      const i = m.phraseIndex;
      if (i >= sale.length + benign.length) {
        compounds.push(m);
        continue;
      }
      const range = toNodeRange(normalised, m.start, m.end);
      if (i < sale.length) scan.saleWords.push({ start: m.start, end: m.end, range, word: sale[i] ?? '' });
      else scan.benign.push({ start: m.start, end: m.end, range, word: benign[i - sale.length] ?? '' });
    }
    // A benign word inside an everyday compound is that compound (研究 in 研究生, a graduate student), and
    // a lawful check that the text says is not needed is a seller's claim ("无需提供使用许可证明").
    if (scan.benign.length > 0) {
      scan.benign = scan.benign.filter(
        (word) =>
          !compounds.some((compound) => inside(word, compound) && (word.start !== compound.start || word.end !== compound.end)) &&
          !NOT_NEEDED_BEFORE.test(normalised.text.slice(Math.max(0, word.start - NOT_NEEDED_LOOKBACK), word.start)),
      );
    }
    // Most blocks of a page hold no phrase at all: they need no price or contact search (nor the decoded text).
    if (scan.phrases.length === 0) return scan;
    // A code word in quotation marks of its own is code, though it is also an everyday compound's part
    // ("出“冰糖”", "got that “snow”"): the quotes say the word means something else.
    const quotes = scan.phrases.some((hit) => coded[hit.phraseIndex] || hit.strength === 'strong') ? shortQuotes(normalised.text) : [];
    for (const hit of scan.phrases) {
      const quoted = quotes.some((quote) => inside(hit, quote));
      if (quoted && coded[hit.phraseIndex]) hit.quotedCode = true;
      // An offer's own words set apart in marks are named, not made ('what is "fullz"?', 有人说可以"花钱买肾源"),
      // and so are they in a question that asks whether or where one may use or buy them ("Can a teacher
      // legally use a cell phone jammer?"; an advert's own "Need a jammer?" opens with no question word):
      // they count as a weak phrase, which needs the block's terms.
      if (hit.strength === 'strong' && ((quoted && !coded[hit.phraseIndex]) || inQuestion(normalised.text, hit.start, hit.end))) hit.quotedMention = true;
    }
    // Otherwise a phrase inside an everyday compound is that compound (冰 in 冰箱, gun in "glue gun"), and
    // a short Chinese term must be a word of its own where the segmenter reads the text.
    scan.phrases = scan.phrases.filter(
      (hit) =>
        (hit.quotedCode === true || !compounds.some((compound) => inside(hit, compound))) &&
        (!shortChinese[hit.phraseIndex] || standsAsWord(normalised.text, hit.start, hit.end)) &&
        !isMask(normalised.text, hit.start, hit.end) &&
        !refusesPhrase(normalised.text.slice(Math.max(0, hit.start - PHRASE_REFUSAL_LOOKBACK), hit.start)),
    );
    if (scan.phrases.length === 0) return scan;
    // A sale word inside a refusal is the refusal's ("for sale" in "not for sale", 出售 in 不出售); benign
    // words that overlap what is left of the offer's words are the offer's ("prescription required" in
    // "no prescription required", "background check" in "no background check").
    // So is a sale word inside an everyday compound (出租 in 出租车, "selling" in "best-selling").
    scan.saleWords = scan.saleWords.filter(
      (s) =>
        !scan.benign.some((word) => inside(s, word) && (s.start !== word.start || s.end !== word.end)) &&
        !compounds.some((compound) => inside(s, compound) && (s.start !== compound.start || s.end !== compound.end)) &&
        !toldOrRefused(normalised.text.slice(Math.max(0, s.start - REFUSAL_LOOKBACK), s.start)) &&
        !inQuestion(normalised.text, s.start, s.end),
    );
    // And they speak for the phrases near them only: a comment that says "this is illegal" under a
    // post does not turn the post into a report.
    scan.benign = scan.benign.filter(
      (word) =>
        !QUESTION_AFTER.test(normalised.text.slice(word.end, word.end + QUESTION_LOOKAHEAD)) &&
        !scan.saleWords.some((s) => overlaps(word, s)) &&
        !scan.phrases.some((p) => inside(word, p)) &&
        scan.phrases.some((p) => word.end > p.start - BENIGN_REACH && word.start < p.end + BENIGN_REACH),
    );
    const signals = detectSaleSignals(normalised.text);
    // A listed sale word inside a sale word found by pattern ("无需证件" in "无需提供任何证件") is that one word.
    const patternWords = signals.filter((signal) => signal.kind === 'sale-word');
    for (const w of scan.saleWords) {
      if (patternWords.some((signal) => inside(w, signal))) continue;
      const value = normalised.text.slice(w.start, w.end);
      signals.push({ kind: 'sale-word', type: saleWordType(value), start: w.start, end: w.end, value });
    }
    // A forger's promise in quotation marks of its own is cited, not made (a passport office's warning).
    scan.signals = signals
      .filter((signal) => signal.type !== 'forgery' || !standsInQuotes(normalised.text, signal))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    return scan;
  }

  return {
    scanText,
    scoreBlock: (scan, headline, nearby) =>
      scoreBlock({
        nearby: nearby
          ? {
              handles: () => nearbyHandles(nearby),
              adjacentHandles: () => adjacentHandles(nearby),
              leadsIn: () => scan.signals.length > 0 && introducesQuote(nearby),
              leadsOut: () => endsWithLeadIn(scan.normalised.text) && handlesAfter(nearby) > 0,
            }
          : undefined,
        phrases: scan.phrases.map((hit) => ({
          category: hit.category,
          strength: hit.quotedMention === true ? 'weak' : hit.strength,
          ambiguous: ambiguous[hit.phraseIndex] === true,
          coded: coded[hit.phraseIndex] === true && hit.quotedCode !== true,
          id: hit.phraseIndex,
        })),
        signals: scan.signals,
        benign: scan.benign.length,
        pageBenign: headline?.benign === true,
        anchors: headline?.categories,
        offeredOnPage: headline?.offer ? headline.categories : undefined,
        quotedOffer: quotesAnOffer(scan),
        companyPage: headline?.company === true,
        length: scan.normalised.text.length,
        teaches: scan.normalised.text.length <= HEADING_LENGTH && HEADING_TEACHES.test(scan.normalised.text),
      }),
    readHeadline(context) {
      // The content script sends the title and headline, then the page's last text and the title alone,
      // each on a line of its own (a title may itself hold " | ").
      const [text = '', footer = '', title = ''] = context.split('\n');
      const scan = scanText(text);
      // A phone number or an e-mail address by the headline is every bank's, shop's and office's: a price or a messenger handle is a term.
      const terms = scan.signals.some((signal) => signal.kind === 'price' || (signal.kind === 'contact' && signal.type !== 'phone' && signal.type !== 'email'));
      // A page that gives a messaging app's handle by its headline and says more of an offer (stock
      // words, prices, handles) than of a report is a vendor's, though it names a licence once or carries
      // its site's safety tip (a report's words are counted by the sentences that hold them). Phone
      // numbers and e-mail addresses are on every shop's, club's and office's page: they do not count.
      const kinds = new Set(scan.signals.filter((signal) => signal.type !== 'email' && signal.type !== 'phone').map((signal) => signal.kind));
      const reportSentences = benignSentences(scan.normalised.text, scan.benign);
      const offerOutweighs = reportSentences < kinds.size;
      // So does one that gives prices and three different sale words ("In stock", "pay with bitcoin", "add
      // to cart"): an online shop of the goods, with no messenger handle by its headline.
      const saleWords = new Set(scan.signals.filter((signal) => signal.kind === 'sale-word').map((signal) => signal.value)).size;
      const vendor = offerOutweighs && (kinds.has('contact') || (kinds.has('price') && saleWords >= 3));
      // A title that asks ("可以自己装屏蔽器吗？", "Can our school block phones…?") is a question-and-answer or
      // advice page's, and one that teaches ("How to…", "…guide", 指南) a guide's. English adverts ask
      // their readers in their titles ("Is your partner cheating?"): an English question counts in the
      // first person only.
      const titleText = normaliseText(title).trim();
      const asks = TITLE_ASKS.test(titleText) || TITLE_ASKS_EN.test(titleText) || TITLE_TEACHES.test(titleText);
      // A title that offers goods it names, with no report's word of its own, is a seller's: a benign word further
      // down its headline is the seller's own ("not airsoft repro", "banned stock available", "all security features").
      const titleScan = !asks && TITLE_SELLS.test(titleText) ? scanText(titleText) : undefined;
      const titleSells = titleScan !== undefined && titleScan.benign.length === 0 && titleScan.phrases.some((hit) => !ambiguous[hit.phraseIndex]);
      // On a platform that hosts its users' posts (a classified site, a marketplace) the site's safety tip
      // under a post that offers goods with a price or sale words is the site's, not the post's genre.
      // There a phone number is the poster's, not an office's hotline: it counts as a kind of term.
      const postKinds = new Set(scan.signals.filter((signal) => signal.type !== 'email').map((signal) => signal.kind)).size;
      const postOffers = HOSTS_POSTS.test(titleText) && reportSentences < postKinds;
      const benignPage = ((scan.benign.length > 0 && !postOffers) || asks) && !vendor && !titleSells;
      // A company that sells without the checks the law asks ("个人可买", "无需提供任何证件") or hides its goods
      // from the carrier (品名写“香精原料”) by its headline is no lawful dealer running its own page.
      const unlawfulTrade = scan.signals.some((signal) => signal.type === 'unchecked' || signal.type === 'concealment');
      const categories = new Set<P['category']>();
      for (const hit of scan.phrases) if (!ambiguous[hit.phraseIndex]) categories.add(hit.category);
      // A headline that sells with words alone ("Buy Xanax Online – No Prescription Needed", stealth
      // packaging, reship) makes an offer as a price does: two different sale words.
      // A vendor's site names its goods in its title and gives its Telegram or WhatsApp at its foot, the
      // prices in cards of their own: a messaging app's handle in the footer makes the headline an offer.
      // Phone numbers and e-mail addresses are on every shop's and office's footer: they do not count.
      // (Read last, only where the headline names goods and makes no offer of its own.)
      return { benign: benignPage, categories: [...categories], offer: !benignPage && categories.size > 0 && (terms || saleWords >= 2 || nearbyHandles(footer) > 0), company: (namesCompany(`${title} ${footer}`) || namesLicence(footer)) && !HOSTS_POSTS.test(titleText) && !unlawfulTrade, text: scan.normalised.text.slice(0, GATE_HEADLINE_CHARS) };
    },
    highlights: (scan) => selectLongestLeftmost(scan.phrases),
    memoryEstimateBytes: () => automaton.memoryEstimateBytes() + wordAutomaton.memoryEstimateBytes(),
  };
}
