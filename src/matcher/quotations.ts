/*
 * Quotation marks in a normalised block: an advert quoted word for word (its goods and its terms inside
 * the marks), and a code word set apart in marks of its own (“冰糖”, "snow").
 */

/** Opening and closing quotation marks after normalisation; a straight quote both opens and closes. */
const OPEN_QUOTES = new Set(['"', '“', '„', '«', '「', '『']);
const CLOSE_QUOTES = new Set(['"', '”', '»', '」', '』']);
const ANY_QUOTE = /["“„«「『”»」』]/;
/** Shorter quotations are a term or a name ("走流水", "dumps"), not an advert. */
const MIN_QUOTED_OFFER = 12;
/** A quotation with a sale word but no price or contact is an advert only at this length: reports quote "代办毕业证" claims. */
const MIN_QUOTED_SALE = 24;

type Span = { start: number; end: number };

/** What `quotesAnOffer` reads of a block's scan (src/matcher/index.ts, BlockScan). */
export interface QuotedScan {
  normalised: { text: string };
  phrases: readonly Span[];
  signals: readonly (Span & { kind: string })[];
}

const inside = (hit: Span, outer: Span) => hit.start >= outer.start && hit.end <= outer.end;

/**
 * Whether the block quotes an advert: a quotation of some length that holds a phrase together with
 * a price, a contact handle or a sale word. Reports quote slang in marks all the time; an offer
 * quoted word for word carries its goods and its terms inside the marks.
 */
export function quotesAnOffer(scan: QuotedScan): boolean {
  for (const span of quotations(scan.normalised.text)) {
    if (span.end - span.start < MIN_QUOTED_OFFER) continue;
    if (!scan.phrases.some((hit) => inside(hit, span))) continue;
    const terms = scan.signals.filter((signal) => inside(signal, span));
    if (terms.some((signal) => signal.kind !== 'sale-word') || (terms.length > 0 && span.end - span.start >= MIN_QUOTED_SALE)) return true;
  }
  return false;
}

/** Characters besides a span's own that its quotation may hold and still set the span apart alone. */
const SET_APART_SLACK = 4;

/**
 * Whether `span` stands in quotation marks of its own: a claim named, not made. A warning cites the
 * forgers' words ("claim to sell passports "registered in the system""); an advert says them.
 */
export function standsInQuotes(text: string, span: Span): boolean {
  for (const quote of quotations(text)) {
    if (quote.start < span.start && quote.end >= span.end && quote.end - quote.start - 1 - (span.end - span.start) <= SET_APART_SLACK) return true;
  }
  return false;
}

/** Each quotation in `text`, from its opening mark to its closing one. */
function* quotations(text: string): Generator<{ start: number; end: number }> {
  // Most blocks hold no quotation mark: one native search spares them the walk below.
  if (!ANY_QUOTE.test(text)) return;
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
export function shortQuotes(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const { start, end } of quotations(text)) if (end - start - 1 <= MAX_QUOTED_CODE) out.push({ start: start + 1, end });
  return out;
}
