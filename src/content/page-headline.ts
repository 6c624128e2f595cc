import { PAGE_CONTEXT_UNITS } from '../shared/protocol/block-scan-limits';

/**
 * The page's title and first headline, sent with its exact scans: a news report, a court ruling, a
 * glossary or a bank's help page says what it is there, while the block holding a phrase often does
 * not (src/matcher/score.ts demotes such blocks unless they quote an offer).
 */
export function pageHeadline(doc: Document): string {
  const headline = doc.querySelector('h1')?.textContent ?? '';
  return `${doc.title} ${headline}`.replace(/\s+/g, ' ').trim().slice(0, PAGE_CONTEXT_UNITS);
}
