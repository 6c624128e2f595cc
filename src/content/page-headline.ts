import { PAGE_FOOTER_UNITS, PAGE_HEADLINE_UNITS, PAGE_TITLE_UNITS } from '../shared/protocol/block-scan-limits';
import { lineOf } from './block-text';
import { isHiddenElement, textEnd } from './text-ends';

/**
 * The page's title and first headline, then a line break and the page's last text (its footer), then
 * a line break and the title alone, sent with its exact scans. A news report, a court ruling, a glossary or a bank's help page says what it
 * is in its headline, while the block holding a phrase often does not; a shop names the company that
 * runs it in its footer (src/matcher/index.ts, readHeadline; src/matcher/score.ts).
 */
export function pageHeadline(doc: Document): string {
  const h1 = doc.querySelector('h1') ?? titleEcho(doc);
  const headline = h1 ? textPrefix(doc, h1) : '';
  // A product page's price and call to buy sit beside its headline, in blocks of their own: the container is
  // the nearest ancestor that holds more than the headline's own box (a title wrapped in one <div> is not it).
  const container = h1 ? headlineContainer(doc, h1) : null;
  const around = container ? textPrefix(doc, container) : '';
  const top = `${doc.title} | ${headline} | ${around}`.replace(/\s+/g, ' ').trim().slice(0, PAGE_HEADLINE_UNITS);
  const title = doc.title.replace(/\s+/g, ' ').trim().slice(0, PAGE_TITLE_UNITS);
  return `${top}\n${doc.body ? textEnd(doc.body, PAGE_FOOTER_UNITS) : ''}\n${title}`;
}

/** How many wrappers of the headline alone are climbed to reach the box it shares with other content. */
const WRAPPER_LEVELS = 3;

/** The headline's parent, or the first ancestor above wrappers that hold nothing else; never the body. */
function headlineContainer(doc: Document, h1: Element): Element | null {
  let container = h1.parentElement;
  for (let level = 0; container && container !== doc.body && container.childElementCount === 1 && level < WRAPPER_LEVELS; level++) {
    container = container.parentElement;
  }
  return container && container !== doc.body ? container : null;
}

/**
 * The first PAGE_HEADLINE_UNITS of an element's text, without reading the rest: the headline's
 * container may be the whole page (`<main>` of megabytes), and this runs with every exact-scan
 * request. Text in two different block-level elements is joined by a space, as a reader sees it: a
 * price box's "$450" and the list item below it are not one word "$450any". Scripts and styles are
 * not read.
 */
function textPrefix(doc: Document, element: Element): string {
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let text = '';
  let previousLine: Element | null | undefined;
  for (let node = walker.nextNode(); node && text.length < PAGE_HEADLINE_UNITS; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && isHiddenElement(parent)) continue;
    const line = parent ? lineOf(parent) : null;
    if (previousLine !== undefined && line !== previousLine) text += ' ';
    text += (node as Text).data;
    previousLine = line;
  }
  return text.slice(0, PAGE_HEADLINE_UNITS);
}

/** Text nodes read from the top of the body to find the title's echo: a heading sits near the top. */
const ECHO_NODES = 300;
/** How much of the title's first part must be echoed: enough to be that name, not a common word. */
const ECHO_UNITS = 16;

/**
 * The element that repeats the first part of the page's title (before " | ", " - ", "_"), for pages
 * with no `<h1>`: classifieds, chat exports and market listings write their heading in a styled `<div>`.
 */
function titleEcho(doc: Document): Element | null {
  // Each exact-scan batch asks again: the last answer holds while the title is the same and its element is still on the page.
  const last = echoes.get(doc);
  if (last && last.title === doc.title && (last.element === null || last.element.isConnected)) return last.element;
  const { element, settled } = findTitleEcho(doc);
  // A page still loading may write its heading later: "none" holds only once the top of the page has been read in full.
  if (element || settled) echoes.set(doc, { title: doc.title, element });
  return element;
}

const echoes = new WeakMap<Document, { title: string; element: Element | null }>();

function findTitleEcho(doc: Document): { element: Element | null; settled: boolean } {
  const head = doc.title.split(/\s[|\-–—·]\s|_|｜/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (head.length < 4 || !doc.body) return { element: null, settled: true };
  const probe = head.slice(0, ECHO_UNITS);
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < ECHO_NODES; node = walker.nextNode(), seen++) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, title')) continue;
    if ((node as Text).data.replace(/\s+/g, ' ').includes(probe)) return { element: parent, settled: true };
  }
  return { element: null, settled: seen >= ECHO_NODES };
}
