import { PAGE_FOOTER_UNITS, PAGE_HEADLINE_UNITS } from '../shared/protocol/block-scan-limits';

/**
 * The page's title and first headline, then a line break and the page's last text (its footer), sent
 * with its exact scans. A news report, a court ruling, a glossary or a bank's help page says what it
 * is in its headline, while the block holding a phrase often does not; a shop names the company that
 * runs it in its footer (src/matcher/index.ts, readHeadline; src/matcher/score.ts).
 */
export function pageHeadline(doc: Document): string {
  const h1 = doc.querySelector('h1');
  const headline = h1 ? textPrefix(doc, h1) : '';
  // A product page's price and call to buy sit beside its headline, in blocks of their own.
  const around = h1?.parentElement && h1.parentElement !== doc.body ? textPrefix(doc, h1.parentElement) : '';
  const top = `${doc.title} | ${headline} | ${around}`.replace(/\s+/g, ' ').trim().slice(0, PAGE_HEADLINE_UNITS);
  return `${top}\n${pageFooter(doc)}`;
}

/**
 * The first PAGE_HEADLINE_UNITS of an element's text, as `textContent` would begin, without reading
 * the rest: the headline's container may be the whole page (`<main>` of megabytes), and this runs
 * with every exact-scan request.
 */
function textPrefix(doc: Document, element: Element): string {
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < PAGE_HEADLINE_UNITS; node = walker.nextNode()) text += (node as Text).data;
  return text.slice(0, PAGE_HEADLINE_UNITS);
}

/**
 * The last PAGE_FOOTER_UNITS of the body's text, read backwards from its end without reading the rest
 * of a page of megabytes. Scripts, styles and templates are not text a reader sees.
 */
function pageFooter(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const parts: string[] = [];
  let units = 0;
  // Reverse document order by hand (last child first, then the previous sibling, then up): the same
  // walk in every DOM, where a TreeWalker's previousNode over skipped elements is not.
  let node: Node | null = body.lastChild;
  while (node && units < PAGE_FOOTER_UNITS * 2) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      units += data.length;
    } else if (node.nodeType === Node.ELEMENT_NODE && !HIDDEN.has(node.nodeName) && node.lastChild) {
      node = node.lastChild;
      continue;
    }
    while (node && node !== body && !node.previousSibling) node = node.parentNode;
    node = node && node !== body ? node.previousSibling : null;
  }
  return parts.reverse().join(' ').replace(/\s+/g, ' ').trim().slice(-PAGE_FOOTER_UNITS);
}

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
