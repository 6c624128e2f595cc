import { PAGE_CONTEXT_UNITS } from '../shared/protocol/block-scan-limits';

/**
 * The page's title and first headline, sent with its exact scans: a news report, a court ruling, a
 * glossary or a bank's help page says what it is there, while the block holding a phrase often does
 * not (src/matcher/score.ts demotes such blocks unless they quote an offer).
 */
export function pageHeadline(doc: Document): string {
  const h1 = doc.querySelector('h1');
  const headline = h1 ? textPrefix(doc, h1) : '';
  // A product page's price and call to buy sit beside its headline, in blocks of their own.
  const around = h1?.parentElement && h1.parentElement !== doc.body ? textPrefix(doc, h1.parentElement) : '';
  return `${doc.title} | ${headline} | ${around}`.replace(/\s+/g, ' ').trim().slice(0, PAGE_CONTEXT_UNITS);
}

/**
 * The first PAGE_CONTEXT_UNITS of an element's text, as `textContent` would begin, without reading
 * the rest: the headline's container may be the whole page (`<main>` of megabytes), and this runs
 * with every exact-scan request.
 */
function textPrefix(doc: Document, element: Element): string {
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < PAGE_CONTEXT_UNITS; node = walker.nextNode()) text += (node as Text).data;
  return text.slice(0, PAGE_CONTEXT_UNITS);
}
