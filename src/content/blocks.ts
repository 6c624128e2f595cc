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

const PARAGRAPH_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, td, dd, blockquote, section, div, body';

/** Blocks larger than this are pages, not listings: fall back to the paragraph. */
export const MAX_BLOCK_TEXT = 4000;

export interface BlockCache {
  byParent: WeakMap<Element, Element>;
  tooBig: WeakMap<Element, boolean>;
}

export function newBlockCache(): BlockCache {
  return { byParent: new WeakMap(), tooBig: new WeakMap() };
}

export function blockOf(node: Node, cache: BlockCache): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  const cached = cache.byParent.get(parent);
  if (cached) return cached;
  let block: Element | null = parent.closest(LISTING_SELECTOR);
  if (block) {
    let big = cache.tooBig.get(block);
    if (big === undefined) {
      big = (block.textContent?.length ?? 0) > MAX_BLOCK_TEXT;
      cache.tooBig.set(block, big);
    }
    if (big) block = null;
  }
  block ??= parent.closest(PARAGRAPH_SELECTOR) ?? parent;
  cache.byParent.set(parent, block);
  return block;
}
