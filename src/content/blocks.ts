/**
 * Listing-sized containers: one post, card or row. A block is what gets scored, so that a price in
 * one post does not make a weak word in the next post suspect.
 */
export const LISTING_SELECTOR = [
  'article',
  'li',
  'tr',
  '[role="article"]',
  '[role="listitem"]',
  '[itemtype*="Product"]',
  '[itemtype*="Offer"]',
  '[class~="post"]',
  '[class~="card"]',
  '[class~="listing"]',
  '[class~="item"]',
  '[class*="post-"]',
  '[class*="listing-"]',
].join(',');


/** Blocks larger than this are pages, not listings: fall back to the paragraph. */
export const MAX_BLOCK_TEXT = 4000;

const LISTING_TAGS = new Set(['ARTICLE', 'LI', 'TR']);
const PARAGRAPH_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'DD', 'BLOCKQUOTE', 'SECTION', 'DIV', 'BODY']);
const LISTING_CLASSES = ['post', 'card', 'listing', 'item'];
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Boxes that hold a heading and the lines under it (a shop's tile, a post's body). */
const CARD_TAGS = new Set(['DIV', 'SECTION']);
/** A box with more text than this is a page's column, not one tile (see cardOf). */
export const MAX_CARD_TEXT = 800;

/** The same test as LISTING_SELECTOR, without the selector engine: it runs once per element of a page. */
export function isListingElement(element: Element): boolean {
  if (LISTING_TAGS.has(element.tagName)) return true;
  const role = element.getAttribute('role');
  if (role === 'article' || role === 'listitem') return true;
  const itemtype = element.getAttribute('itemtype');
  if (itemtype && (itemtype.includes('Product') || itemtype.includes('Offer'))) return true;
  const className = element.getAttribute('class');
  if (!className) return false;
  const tokens = className.split(/\s+/);
  return tokens.some((token) => LISTING_CLASSES.includes(token)) || className.includes('post-') || className.includes('listing-');
}

export interface BlockCache {
  /** Nearest listing ancestor (or null) of an element, so each element is looked at once. */
  listing: WeakMap<Element, Element | null>;
  paragraph: WeakMap<Element, Element | null>;
  /** Whether an element's text is longer than MAX_BLOCK_TEXT (isTooBig). */
  tooBig: WeakMap<Element, boolean>;
  /** Whether a heading's box is a card (cardOf). */
  card: WeakMap<Element, boolean>;
}

export function newBlockCache(): BlockCache {
  return { listing: new WeakMap(), paragraph: new WeakMap(), tooBig: new WeakMap(), card: new WeakMap() };
}

function nearest(element: Element | null, test: (e: Element) => boolean, cache: WeakMap<Element, Element | null>): Element | null {
  const path: Element[] = [];
  let found: Element | null = null;
  for (let current = element; current; current = current.parentElement) {
    const known = cache.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(current);
    if (test(current)) {
      found = current;
      break;
    }
  }
  // Every element on the way up shares the answer of the first one that had it.
  for (const visited of path) cache.set(visited, found);
  return found;
}

export function blockOf(node: Node, cache: BlockCache): Element | null {
  const parent = node.parentElement;
  return parent ? blockAt(parent, cache) : null;
}

/** The block that text directly inside `parent` belongs to. */
export function blockAt(parent: Element, cache: BlockCache): Element {
  let block = nearest(parent, isListingElement, cache.listing);
  if (block && isTooBig(block, cache)) block = null;
  if (block) return block;
  const paragraph = nearest(parent, (e) => PARAGRAPH_TAGS.has(e.tagName), cache.paragraph);
  if (paragraph === null) return parent;
  return HEADING_TAGS.has(paragraph.tagName) ? (cardOf(paragraph, cache) ?? paragraph) : paragraph;
}

/**
 * A heading's card: a small box whose one heading it is, with no listing class ("<div class=pr><h3>name</h3>
 * purity · $380 / 5g · Order now</div>"). The heading names the goods, the lines beside it under the
 * same box give its terms: one listing, so one block.
 */
function cardOf(heading: Element, cache: BlockCache): Element | null {
  const box = heading.parentElement;
  if (!box || !CARD_TAGS.has(box.tagName)) return null;
  // Kept per box, and the count stops at a second heading: a hostile page's box of ten thousand headings
  // is looked at once, not once per heading.
  let isCard = cache.card.get(box);
  if (isCard === undefined) {
    let headings = 0;
    for (let child = box.firstElementChild; child && headings < 2; child = child.nextElementSibling) if (HEADING_TAGS.has(child.tagName)) headings++;
    isCard = headings === 1 && !textLongerThan(box, MAX_CARD_TEXT);
    cache.card.set(box, isCard);
  }
  return isCard ? box : null;
}

/**
 * Is an element's text longer than MAX_BLOCK_TEXT? Kept in `cache`, so that a listing block found by
 * blockAt is not read again by whoever asks next (visible-blocks.ts).
 */
export function isTooBig(element: Element, cache: BlockCache): boolean {
  let big = cache.tooBig.get(element);
  if (big === undefined) {
    big = textLongerThan(element, MAX_BLOCK_TEXT);
    cache.tooBig.set(element, big);
  }
  return big;
}

/**
 * Whether an element's text is longer than `limit`, read only up to it: a listing or a heading's box may be
 * a page's column of megabytes, and its `textContent` would build that whole string.
 */
function textLongerThan(element: Element, limit: number): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    length += (node as Text).data.length;
    if (length > limit) return true;
  }
  return false;
}
