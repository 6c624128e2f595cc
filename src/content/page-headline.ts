import { PAGE_CONTEXT_UNITS } from '../shared/protocol/block-scan-limits';

/**
 * The page's title and first headline, sent with its exact scans: a news report, a court ruling, a
 * glossary or a bank's help page says what it is there, while the block holding a phrase often does
 * not (src/matcher/score.ts demotes such blocks unless they quote an offer).
 */
export function pageHeadline(doc: Document): string {
  const h1 = doc.querySelector('h1');
  const headline = h1?.textContent ?? '';
  // A product page's price and call to buy sit beside its headline, in blocks of their own.
  const around = h1?.parentElement && h1.parentElement !== doc.body ? (h1.parentElement.textContent ?? '').slice(0, PAGE_CONTEXT_UNITS) : '';
  return `${doc.title} | ${headline} | ${around}`.replace(/\s+/g, ' ').trim().slice(0, PAGE_CONTEXT_UNITS);
}
