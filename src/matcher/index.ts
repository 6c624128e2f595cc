import { PhraseAutomaton } from './automaton';
import { toNodeRange, type NodeRange } from './node-ranges';
import { normalise, normaliseText, type NormalisedText } from './normalise';
import { selectLongestLeftmost } from './overlaps';
import { detectSaleSignals, saleWordType, type SaleSignal } from './sale-signals';
import { scoreBlock, type BlockScore, type Strength } from './score';
import { isShortChineseTerm, standsAsWord } from './word-boundaries';
import { namesCompany } from './company-name';
import { endsWithLeadIn, handlesAfter, introducesQuote, nearbyHandles } from './nearby-text';

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

/** Opening and closing quotation marks after normalisation; a straight quote both opens and closes. */
const OPEN_QUOTES = new Set(['"', '“', '„', '«', '「', '『']);
const CLOSE_QUOTES = new Set(['"', '”', '»', '」', '』']);
/** How far (normalised units) a benign word speaks for a phrase: about a paragraph. */
const BENIGN_REACH = 240;
/** Shorter quotations are a term or a name ("走流水", "dumps"), not an advert. */
const MIN_QUOTED_OFFER = 12;
/** A quotation with a sale word but no price or contact is an advert only at this length: reports quote "代办毕业证" claims. */
const MIN_QUOTED_SALE = 24;

/**
 * Whether the block quotes an advert: a quotation of some length that holds a phrase together with
 * a price, a contact handle or a sale word. Reports quote slang in marks all the time; an offer
 * quoted word for word carries its goods and its terms inside the marks.
 */
function quotesAnOffer(scan: BlockScan): boolean {
  for (const span of quotations(scan.normalised.text)) {
    if (span.end - span.start < MIN_QUOTED_OFFER) continue;
    if (!scan.phrases.some((hit) => inside(hit, span))) continue;
    const terms = scan.signals.filter((signal) => inside(signal, span));
    if (terms.some((signal) => signal.kind !== 'sale-word') || (terms.length > 0 && span.end - span.start >= MIN_QUOTED_SALE)) return true;
  }
  return false;
}

/** Each quotation in `text`, from its opening mark to its closing one. */
function* quotations(text: string): Generator<{ start: number; end: number }> {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (open < 0) {
      if (OPEN_QUOTES.has(ch)) open = i;
    } else if (CLOSE_QUOTES.has(ch)) {
      yield { start: open, end: i };
      open = -1;
    }
  }
}

/** The longest word that quotation marks set apart as a code word (“冰糖”, "snow"). */
const MAX_QUOTED_CODE = 6;

/** The words inside short quotations: a word or two in quotation marks of their own. */
function shortQuotes(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const { start, end } of quotations(text)) if (end - start - 1 <= MAX_QUOTED_CODE) out.push({ start: start + 1, end });
  return out;
}

/**
 * A sale word that a negation lists among what is not allowed is the refusal's: "不得出租、出借、出售",
 * "严禁收购、出售". The negation stands right before the word or before a run of enumerated verbs.
 */
const REFUSAL_BEFORE = /(?:不得|禁止|严禁|切勿|请勿|不要|不可|不能|不准|勿|never|not|don't|do not|cannot)\s?(?:[\u4e00-\u9fff]{1,4}[、,/]\s?){0,4}$/;
const REFUSAL_LOOKBACK = 24;
/**
 * A sale word inside a question that asks whether or where one may buy ("Can I buy codeine without a
 * prescription?", 哪里能买到…吗？) is the asker's, not a seller's. Adverts ask their reader too ("Need
 * pills without a prescription?"), so only questions that open with a question word count.
 */
function inQuestion(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + QUESTION_REACH).search(SENTENCE_STOP);
  if (after < 0 || !QUESTION_MARK.test(text[end + after] ?? '')) return false;
  const sentence = LAST_SENTENCE.exec(text.slice(Math.max(0, start - QUESTION_REACH), start))?.[0] ?? '';
  return ASKS_WHETHER.test(sentence);
}
const QUESTION_REACH = 80;
const SENTENCE_STOP = /[.!?。！？\n]/;
const LAST_SENTENCE = /[^.!?。！？\n]*$/;
const QUESTION_MARK = /[?？]/;
const ASKS_WHETHER = /^\s*(?:(?:can|could|may|do|does|is|are|should|where|how|why|will|would)(?![a-z])|哪里|哪儿|在哪|能不能|可不可以|是否|请问)/;

/** Selling that the writer saw others do ("I see guys selling…", 看到有人在出售) is told, not offered. */
const SEEN_SELLING_BEFORE = /(?<![a-z])(?:see|saw|seen|seeing|noticed|watched)\s(?:some\s|other\s|a lot of\s|lots of\s)?(?:guys|people|someone|sellers|vendors|folks|accounts|them|dudes)\s$|(?:看到|看见|发现)(?:有|很多|好多)?人(?:在)?$/;

/**
 * Goods that a shop or service says it does not offer: "no adult videos or images", "we do not sell
 * knives", "我们不提供查他人聊天记录、定位他人手机等服务", "不做任何证件", "不承接任何发票的印制或“代开”". The negation stands right before
 * the phrase ("unlike a jammer, it transmits nothing"), or before a run of up to six enumerated items (each up to 20 characters, brackets included,
 * or a few Latin words): "不查询候选人的征信报告（须候选人自行提供）、银行流水、通话记录".
 */
const PHRASE_REFUSAL_BEFORE =
  /(?:不提供|不出售|不销售|不售卖|不做|不接|不承接|不受理|不代办|不办理|不查询|不收集|不采集|不获取|不仿照|不仿制|(?<![a-z])(?:no|not|never|never use|do not use|don't use|don't sell|do not sell|does not sell|we don't offer|we do not offer))\s?(?:任何|any\s)?(?:[\u4e00-\u9fff()]{1,20}[、,/或]\s?|[a-z]+(?:\s[a-z]+)?,?\s(?:or|and)\s|[a-z]+,\s){0,6}(?:[\u4e00-\u9fff]{1,4})?["“]?$|(?<![a-z])(?:unlike|not)\s(?:an?|the)\s$/;
const PHRASE_REFUSAL_LOOKBACK = 100;

/** Whether the text before a sale word refuses it (不得出售, "not selling") or tells of others' selling. */
const toldOrRefused = (before: string): boolean => REFUSAL_BEFORE.test(before) || SEEN_SELLING_BEFORE.test(before);

/** A question in Chinese: a Chinese character, or 吗 and the like, before the question mark. */
const TITLE_ASKS = /[\u4e00-\u9fff]\s?\?/;
/** An English question in the first person ("Can our school block phones…?", "Is it legal for me to…?"): an adviser's, not an advert's ("Is your partner cheating?"). */
const TITLE_ASKS_EN = /(?<![a-z])(?:i|we|our|my|me|us)(?![a-z])[^?]*\?/;
/** A guide's, a tutorial's or an explainer's title ("How to write an invoice", "A parent's guide to…", "如何识别…", "…指南"). */
const TITLE_TEACHES = /^(?:how do|how does|how can|what is|what are|why)(?![a-z])|(?<![a-z])(?:how to|guide|walkthrough|wiki)(?![a-z])|^(?:如何|怎么|怎样|为什么)|指南|教程|科普|攻略|图鉴|须知/;

/**
 * A platform that hosts its users' posts, named in the page's title (某某的微博 - 微博, …吧 - 百度贴吧): the
 * company its footer names runs the platform, not the posts, so its posts are no company's own trade.
 */
const HOSTS_POSTS = /微博|贴吧|论坛|社区|知乎|小红书|抖音|快手|哔哩哔哩|bilibili|闲鱼|转转|58同城|赶集|百姓网|豆瓣|百家号|qq空间|朋友圈|淘宝|天猫|京东|拼多多|1688|阿里巴巴|b2b|分类信息|黄页|商铺|telegram|频道|群聊|导出/;

/** Where a sentence ends: a classified site's one safety tip ("请勿预付款，谨防诈骗。") is one warning, not three. */
const SENTENCE_END = /[。！？!?|\n]|\.(?=\s|$)/g;

/** How many sentences of `text` hold one of the benign words found in it. */
function benignSentences(text: string, words: readonly { start: number }[]): number {
  if (words.length === 0) return 0;
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index);
  return new Set(words.map((word) => ends.findIndex((end) => end >= word.start))).size;
}

/** "No need to show", as a seller of what the law licenses writes it: 无需提供, 不用办理, 不需要剧毒品许可证, 免. */
const NOT_NEEDED_BEFORE = /(?:无需|无须|不需要?|不用|免)[\u4e00-\u9fff]{0,6}$/;
const NOT_NEEDED_LOOKBACK = 10;

/**
 * A benign word that a question ends on is a reader's doubt, not a report: "这个违法吧?", "isn't this
 * illegal?" under a seller's post.
 */
const QUESTION_AFTER = /^[^\s.,;!。，；！?]{0,3}\s?\?/;
const QUESTION_LOOKAHEAD = 6;

/**
 * A run of x's or asterisks that masks digits or letters of a number or address ("400-xxx-6521",
 * "6672xxxx3", "order@shop-xxx.com") is no phrase: "xxx" in a phone number is not adult content.
 */
const MASK_RUN = /^[x*]+$/;
const MASK_NEIGHBOUR = /[\d\-.@_]/;
const MASKED_GROUP_BEFORE = /[\dx*] $/;
const MASKED_GROUP_AFTER = /^ [\dx*]/;
function isMask(text: string, start: number, end: number): boolean {
  if (!MASK_RUN.test(text.slice(start, end))) return false;
  if (MASK_NEIGHBOUR.test(text[start - 1] ?? '') || MASK_NEIGHBOUR.test(text[end] ?? '')) return true;
  // A number written in groups, masked group by group ("+1 4xx xxx 0193", "080 xxx 5512").
  return MASKED_GROUP_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && MASKED_GROUP_AFTER.test(text.slice(end, end + 2));
}

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
    for (const m of automaton.scan(normalised.codes)) {
      const entry = phrases[m.phraseIndex] as P;
      const range = toNodeRange(normalised, m.start, m.end);
      scan.phrases.push({ ...m, range, entry, phrase: entry.phrase, category: entry.category, strength: entry.strength });
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
    const quotes = scan.phrases.some((hit) => coded[hit.phraseIndex]) ? shortQuotes(normalised.text) : [];
    for (const hit of scan.phrases) if (coded[hit.phraseIndex] && quotes.some((quote) => inside(hit, quote))) hit.quotedCode = true;
    // Otherwise a phrase inside an everyday compound is that compound (冰 in 冰箱, gun in "glue gun"), and
    // a short Chinese term must be a word of its own where the segmenter reads the text.
    scan.phrases = scan.phrases.filter(
      (hit) =>
        (hit.quotedCode === true || !compounds.some((compound) => inside(hit, compound))) &&
        (!shortChinese[hit.phraseIndex] || standsAsWord(normalised.text, hit.start, hit.end)) &&
        !isMask(normalised.text, hit.start, hit.end) &&
        !PHRASE_REFUSAL_BEFORE.test(normalised.text.slice(Math.max(0, hit.start - PHRASE_REFUSAL_LOOKBACK), hit.start)),
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
    for (const w of scan.saleWords) {
      const value = normalised.text.slice(w.start, w.end);
      signals.push({ kind: 'sale-word', type: saleWordType(value), start: w.start, end: w.end, value });
    }
    scan.signals = signals.sort((a, b) => a.start - b.start || a.end - b.end);
    return scan;
  }

  return {
    scanText,
    scoreBlock: (scan, headline, nearby) =>
      scoreBlock({
        nearby: nearby
          ? {
              handles: () => nearbyHandles(nearby),
              leadsIn: () => scan.signals.length > 0 && introducesQuote(nearby),
              leadsOut: () => endsWithLeadIn(scan.normalised.text) && handlesAfter(nearby) > 0,
            }
          : undefined,
        phrases: scan.phrases.map((hit) => ({
          category: hit.category,
          strength: hit.strength,
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
      const vendor = kinds.has('contact') && benignSentences(scan.normalised.text, scan.benign) < kinds.size;
      // A title that asks ("可以自己装屏蔽器吗？", "Can our school block phones…?") is a question-and-answer or
      // advice page's, and one that teaches ("How to…", "…guide", 指南) a guide's. English adverts ask
      // their readers in their titles ("Is your partner cheating?"): an English question counts in the
      // first person only.
      const titleText = normaliseText(title).trim();
      const asks = TITLE_ASKS.test(titleText) || TITLE_ASKS_EN.test(titleText) || TITLE_TEACHES.test(titleText);
      const benignPage = (scan.benign.length > 0 || asks) && !vendor;
      const categories = new Set<P['category']>();
      for (const hit of scan.phrases) if (!ambiguous[hit.phraseIndex]) categories.add(hit.category);
      // A headline that sells with words alone ("Buy Xanax Online – No Prescription Needed", stealth
      // packaging, reship) makes an offer as a price does: two different sale words.
      const saleWords = new Set(scan.signals.filter((signal) => signal.kind === 'sale-word').map((signal) => signal.value)).size;
      return { benign: benignPage, categories: [...categories], offer: !benignPage && categories.size > 0 && (terms || saleWords >= 2), company: namesCompany(`${title} ${footer}`) && !HOSTS_POSTS.test(titleText) };
    },
    highlights: (scan) => selectLongestLeftmost(scan.phrases),
    memoryEstimateBytes: () => automaton.memoryEstimateBytes() + wordAutomaton.memoryEstimateBytes(),
  };
}
