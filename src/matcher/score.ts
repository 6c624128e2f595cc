import type { SignalKind } from './sale-signals';

export type Strength = 'strong' | 'weak';

export interface ScorePhraseHit<C extends string = string> {
  category: C;
  strength: Strength;
  /** An everyday word (护照, bank account): it counts beside another phrase of its category or two kinds of sale intent. */
  ambiguous?: boolean;
  /** A food or everyday word used as code (冰, snow): it counts only beside another phrase of its category. */
  coded?: boolean;
  /** Which phrase of the lists it is: a menu names several different ones. */
  id?: number;
}

/** Everything found in one listing-sized block. */
export interface BlockEvidence<C extends string = string> {
  phrases: readonly ScorePhraseHit<C>[];
  /** Prices, contact handles and sale-intent words. */
  signals: readonly { kind: SignalKind; type?: string }[];
  /** Number of benign-context words (crackdown news, "正规发票") in the block. */
  benign: number;
  /** The page's title or headline names a report, a glossary or a help page (its blocks need a price or contact). */
  pageBenign?: boolean;
  /** Categories whose goods the page's headline names: they anchor ambiguous words in every block. */
  anchors?: readonly C[];
  /** Categories the page's headline offers, with a price or contact beside it (a product page). */
  offeredOnPage?: readonly C[];
  /** The block quotes an advert word for word: a phrase and its terms inside quotation marks. */
  quotedOffer?: boolean;
  /** The page's title or footer names the registered company that runs it (src/matcher/company-name.ts). */
  companyPage?: boolean;
  /** The block is a heading or tag line that asks or teaches ("Phishing kits: how they are built", 如何…, …是真的吗): src/matcher/page-genre.ts. */
  teaches?: boolean;
  /** The block's length in characters, normalised: a long one is a paragraph of prose. */
  length?: number;
  /**
   * The text just before and after the block, read only when the block's own words leave the decision
   * open (reading it costs a scan): its messenger handles (not phone numbers or e-mail), in all of it
   * or in the two elements beside the block alone (adjacentHandles), and whether
   * the text before introduces the block as a quotation of an advert that holds its terms, and whether
   * the block itself ends by introducing one ("宣传内容原文如下：") that gives a messenger handle after it.
   */
  nearby?: { handles(): number; adjacentHandles(): number; leadsIn(): boolean; leadsOut(): boolean };
}

export interface BlockScore<C extends string = string> {
  suspect: boolean;
  /** Evidence strength, 0 when no phrase matched; for ranking, not for the decision. */
  score: number;
  /** Category with the most weight among the phrase matches (even when not suspect), or null. */
  category: C | null;
  /** Phrase matches per category. */
  categories: Partial<Record<C, number>>;
  strong: number;
  weak: number;
  prices: number;
  contacts: number;
  /** Of the contacts, handles on a messaging app (not phone numbers or e-mail addresses). */
  apps: number;
  /** Messenger handles in the text just before and after a suspect block without a contact of its own (0 otherwise). */
  contactsNearby: number;
  saleWords: number;
  benign: number;
}

export const SCORE_WEIGHTS = {
  strong: 3,
  weak: 1,
  price: 1,
  contact: 2,
  saleWord: 1,
  benign: 2,
} as const;

// Repeats add confidence only up to a point; a long page must not outweigh its context by volume.
const CAP_PRICE = 2;
const CAP_CONTACT = 2;
const CAP_SALE_WORD = 3;
const CAP_BENIGN = 5;
/** Characters of a block past which it is a paragraph of prose rather than an advert's line. */
const PROSE_LENGTH = 100;
/** Different code words of one category that make a priced block a menu. */
const MENU_CODES = 3;

/**
 * Decision rules:
 * - an ambiguous word (冰, snow, candy) counts only beside another phrase of its category that is
 *   not ambiguous: a recipe's "ice" is not a drug until a drug name stands next to it;
 * - a strong phrase is enough in an advert's short line; in a paragraph of prose (over PROSE_LENGTH
 *   characters) it also needs a term of an offer (a price, a contact, a sale word, a handle beside the
 *   block): a forum reply that says thieves use GPS jammers names them in passing;
 * - a strong phrase also needs more when the block has benign context (news about a crackdown names
 *   "sale of guns and explosives"); then it also needs a messenger handle or phone number, or a price
 *   with a sale word, which news articles do not carry (they name the sums paid or lost: "被骗1.9万元",
 *   and give an e-mail address for tips); on a report's, glossary's or official page it needs a price,
 *   a contact or two sale words (a platform's notice names 私信 as where sellers lure buyers);
 * - a weak phrase needs sale intent (price, contact or sale word) and no benign context ("可开具正规发票"
 *   in an ordinary shop must not count, even next to its prices) — unless the block quotes a live
 *   offer: a contact handle with a price or a sale word. A news report that quotes an advert word for
 *   word holds a listing, and its contact may still be live.
 */
export function scoreBlock<C extends string>(e: BlockEvidence<C>): BlockScore<C> {
  let strong = 0;
  let weak = 0;
  const categories: Partial<Record<C, number>> = {};
  const weight = new Map<C, number>();
  let prices = 0;
  let contacts = 0;
  let saleWords = 0;
  // Messenger ids and phone numbers, not e-mail: every honest shop and club gives an address.
  let messengers = 0;
  // Of those, handles on a messaging app: shops and clubs give a phone number too, seldom a Telegram id.
  let apps = 0;
  // The kinds of term the block holds (a dose, a forger's promise, goods hidden from the carrier…), read once.
  const types = new Set<string | undefined>();
  for (const s of e.signals) {
    types.add(s.type);
    if (s.kind === 'price') prices++;
    else if (s.kind === 'contact') {
      contacts++;
      if (s.type !== 'email') messengers++;
      if (s.type !== 'email' && s.type !== 'phone') apps++;
    } else saleWords++;
  }
  // An ambiguous word is anchored by another phrase of its category (in the block or the page's
  // headline), or by two kinds of sale intent together among a price, a messenger handle and a sale word
  // (an advert that names nothing else).
  const anchoredByOffer = Number(prices > 0) + Number(messengers > 0) + Number(saleWords > 0) >= 2;
  // Goods hidden from the carrier, beside a price or a handle, are no food and no everyday thing: a code
  // word there needs no other phrase of its category (src/matcher/sale-signals.ts, concealment).
  const concealed = (prices > 0 || messengers > 0) && types.has('concealment');
  // …and so are goods priced by the dose, a gram or a few ("冰 0.5g 380 / 1g 650", "ice 1g £80").
  const dosed = types.has('dose');
  // A forger's promise that the copy passes for the real thing makes an everyday document word (receipts,
  // 身份证, diploma) the forged one's (src/matcher/sale-signals.ts, forgery).
  const forged = types.has('forgery');
  // A fee in points of the face value ("专票 7个点", "普票 1.5 个点") is what a seller of issued invoices charges:
  // it makes an everyday invoice word (发票, 普票) the trade's, as a forger's promise does.
  const pointsFee = types.has('points');
  // So does a sum under ten a record ("0.3/条", "0.8元一条"): what a list of people's data sells for, not an everyday
  // thing (src/matcher/sale-signals.ts).
  const recordFee = types.has('record');
  // A priced menu of three different code words of one category ("冰 0.5 = 380 / 邮票 120 / 糖果 150") is
  // the trade's menu: a dessert shop's has one of them, or two. So are two of them beside a messenger handle
  // ("糖、冰、叶子都有…飞机 @…"): a dessert shop's names its 冰粉 and 糖水, compounds that hold no code word.
  const menu = new Set<C>();
  if (prices > 0 || messengers > 0) {
    const codes = new Map<C, Set<number>>();
    for (const hit of e.phrases) if (hit.coded && hit.id !== undefined) codes.set(hit.category, (codes.get(hit.category) ?? new Set()).add(hit.id));
    for (const [category, ids] of codes) if ((prices > 0 && ids.size >= MENU_CODES) || (messengers > 0 && ids.size >= 2)) menu.add(category);
  }
  // A seller's offer in full: a messaging app's handle and another kind of term, three terms or more; or two
  // prices and three sale words (see ownBenign below).
  const terms = Math.min(prices, CAP_PRICE) + Math.min(messengers, CAP_CONTACT) + Math.min(saleWords, CAP_SALE_WORD);
  const fullOffer = (apps > 0 && (prices > 0 || saleWords > 0) && terms >= 3) || (prices >= 2 && saleWords >= 3);
  // Five terms or more with a handle ("$1,000 fake for $250 real … pass pen test … text 555…"): a snack shop's
  // two prices and WeChat are three, a courier's "到付" beside a price and a handle too.
  const dealersOffer = messengers > 0 && terms >= 5;
  const anchoredByPhrase = new Set<C>(e.anchors ?? []);
  for (const hit of e.phrases) if (!hit.ambiguous && !hit.coded) anchoredByPhrase.add(hit.category);
  for (const hit of e.phrases) {
    // What the block's own terms say of the goods: hidden, on a menu or in a dealer's whole offer (a code
    // word), forged (an everyday word).
    const anchoredBySignal = hit.coded === true ? concealed || dosed || menu.has(hit.category) || dealersOffer : forged || pointsFee || recordFee;
    if (hit.coded && !anchoredByPhrase.has(hit.category) && !anchoredBySignal) continue;
    if (hit.ambiguous && !anchoredByPhrase.has(hit.category) && !anchoredByOffer && !anchoredBySignal) continue;
    const w = hit.strength === 'strong' ? SCORE_WEIGHTS.strong : SCORE_WEIGHTS.weak;
    if (hit.strength === 'strong') strong++;
    else weak++;
    categories[hit.category] = (categories[hit.category] ?? 0) + 1;
    weight.set(hit.category, (weight.get(hit.category) ?? 0) + w);
  }
  const benign = e.benign;
  const hardIntent = prices > 0 || contacts > 0;
  // On a product page the offer's terms stand beside its headline, not in every block that names the goods.
  const offeredHere = e.offeredOnPage !== undefined && [...weight.keys()].some((category) => e.offeredOnPage?.includes(category));
  // A chat message or a forum reply that names the goods, beside the next one that gives a messenger
  // handle, is one offer written in two blocks. A price beside it is not: every shop lists its goods
  // beside their prices.
  // (Read last, only where the block's own words leave the decision open: see weakSuspect.)
  let handlesNearby: number | undefined;
  const nearbyHandles = () => (handlesNearby ??= e.nearby?.handles() ?? 0);
  const intentHere = hardIntent || saleWords > 0 || offeredHere;
  // A seller's offer in full (a messaging app's handle and another kind of term, three terms or more) is not
  // undone by one stray benign word: a reader's "这个违法吧?" under a post, "not selling to kids" in an
  // advert. Without a handle it is: a lawful shop names a price, "add to cart" and "prescription required";
  // a post with two prices and three different calls to deal ("available now", "inbox me", "selling") is
  // not, though a group admin's "buying organs is illegal" follows it in the same block.
  const ownBenign = benign > (fullOffer ? 1 : 0);
  // A report's own words demote a block unless it quotes an offer: a contact with a price or sale word,
  // or an advert in quotation marks, or introduced as a quotation, with its goods and terms. A report's
  // headline alone (the page's genre) asks for a price or a contact: an advert quoted in a block of its
  // own has no quotes. Where nothing demotes the block, whether it is quoted does not matter.
  // The text around the block is read lazily, once, and only where the block's own words leave the
  // decision open: the expressions below ask for it last.
  let leadsOut: boolean | undefined;
  const advertFollows = () => (leadsOut ??= e.nearby?.leadsOut() === true);
  let quotedOnce: boolean | undefined;
  const reportPage = ownBenign || e.pageBenign === true || e.companyPage === true;
  const quoted = () => (quotedOnce ??= e.quotedOffer === true || (reportPage && (e.nearby?.leadsIn() === true || advertFollows())));
  const quotedOffer = () => (messengers > 0 && (prices > 0 || saleWords > 0)) || quoted();
  // On a report's, a club's or an office's page a fee, a fine or a membership price beside the goods'
  // name is no offer: a block there needs a handle, or a price with a call to buy.
  // A quotation there counts with a price or handle in the block: reports quote speech that says "selling".
  // An advert quoted in blocks of its own may give its price in one and its handle in the next.
  // So may a report's block that ends by introducing the advert it quotes next, handle and all ("Its post read:").
  const pageTerms = () =>
    messengers > 0 ||
    (prices > 0 && saleWords > 0) ||
    (hardIntent && quoted()) ||
    (e.pageBenign === true && !ownBenign && ((prices > 0 && (e.nearby?.adjacentHandles() ?? 0) > 0) || advertFollows()));
  // A company that runs the page under its legal name sells its own trade there: its prices and its
  // WeChat beside a goods word (开票, 证件照, 冰) are a shop's, not an offer. A weak word there needs a
  // strong one beside it, or an advert quoted (in quotation marks, or introduced as a quotation: a news
  // site's report).
  const companyTrade = () => e.companyPage === true && strong === 0 && !fullOffer && !quoted();
  // A strong phrase in a paragraph of prose with no term of an offer (no price, contact or sale word in it,
  // no handle beside it) is named in passing: a forum's "thieves also use GPS jammers", a help centre's
  // "fake invoices and payment redirection scams", a course's "how attackers use phishing kits". An advert's
  // short lines keep counting alone ("Kidney transplant in 4 weeks. No waiting list. Donor provided.").
  const prose = (e.length ?? 0) > PROSE_LENGTH;
  // A heading that asks or teaches names the goods it explains: a course's "Phishing kits: how they are built",
  // a blog's tag line, a charity's "花钱买肾源…是真的吗?". With a term of an offer beside them they are an advert's.
  // Decided first: such a block needs no read of the text around it.
  const explained = e.teaches === true && prices === 0 && contacts === 0 && saleWords === 0;
  const weakSuspect = !explained && weak > 0 && !companyTrade() && (ownBenign ? quotedOffer() : !e.pageBenign || pageTerms()) && (intentHere || nearbyHandles() > 0);
  const strongSuspect = !explained && strong > 0 && (ownBenign ? messengers > 0 || (prices > 0 && saleWords > 0) || quotedOffer() : (!e.pageBenign || hardIntent || saleWords > 1) && (intentHere || !prose || nearbyHandles() > 0));
  const suspect = strongSuspect || weakSuspect;

  let score = 0;
  if (strong + weak > 0) {
    score =
      strong * SCORE_WEIGHTS.strong +
      weak * SCORE_WEIGHTS.weak +
      Math.min(prices, CAP_PRICE) * SCORE_WEIGHTS.price +
      Math.min(contacts, CAP_CONTACT) * SCORE_WEIGHTS.contact +
      Math.min(saleWords, CAP_SALE_WORD) * SCORE_WEIGHTS.saleWord -
      Math.min(benign, CAP_BENIGN) * SCORE_WEIGHTS.benign;
    score = Math.max(0, score);
  }

  let category: C | null = null;
  let best = 0;
  for (const [c, w] of weight) {
    if (w > best) {
      best = w;
      category = c;
    }
  }
  return { suspect, score, category, categories, strong, weak, prices, contacts, apps, contactsNearby: suspect && contacts === 0 ? nearbyHandles() : 0, saleWords, benign: benign + (e.pageBenign ? 1 : 0) };
}
