import { blockOf, isTooBig, type BlockCache } from './blocks';
import { isReadable } from './text-nodes';

/** The walk from the top of the viewport stops after this many blocks below it, text nodes, or blocks found. */
const BLOCKS_BELOW = 8;
const MAX_NODES = 3_000;
const MAX_BLOCKS = 100;

/**
 * The element at the top of the viewport, found by halving each level's children by their boxes
 * (children in normal flow are laid out in document order), so that it costs a few dozen box reads of
 * the layout the page already has. A hit test (`elementFromPoint`) was tried first: on the 5 MB page of
 * `npm run bench` each one took ~10 ms, as the browser looks at every child of a long list.
 */
function topOfViewport(doc: Document, height: number): Element | null {
  let parent: Element | null = doc.body;
  for (let depth = 0; parent && depth < 64; depth++) {
    const children: HTMLCollection = parent.children;
    let low = 0;
    let high = children.length - 1;
    let found: Element | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const child = children[middle] as Element;
      if (child.getBoundingClientRect().bottom > 0) {
        found = child;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    if (!found) return parent === doc.body ? null : parent;
    const box = found.getBoundingClientRect();
    if (box.height <= height || found.childElementCount === 0) return found;
    parent = found;
  }
  return parent;
}

/**
 * The blocks on screen, so that a page's first exact scan is of what the reader sees (page-scanner.ts):
 * from the element at the top of the viewport, the blocks of the text that follows in document order
 * whose boxes meet the viewport, until the walk is well below it. A page laid out out of document order
 * gets fewer of them here: the full scan that follows reads every block all the same. Open shadow
 * roots and frames are left to it, as are the page's body and any container too big to be a listing.
 * Empty for a document with no layout (a test's DOM) or nothing on screen.
 */
export function visibleBlocks(doc: Document, blockCache: BlockCache): Element[] {
  const height = doc.defaultView?.innerHeight ?? 0;
  const body = doc.body;
  if (!body || height <= 0) return [];
  const start = topOfViewport(doc, height);
  if (!start) return [];
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  const blocks: Element[] = [];
  const seen = new Set<Element>();
  let below = 0;
  for (let nodes = 0, node = walker.nextNode(); node && nodes < MAX_NODES && blocks.length < MAX_BLOCKS && below < BLOCKS_BELOW; nodes++, node = walker.nextNode()) {
    const block = blockOf(node, blockCache);
    if (!block || seen.has(block)) continue;
    seen.add(block);
    const box = block.getBoundingClientRect();
    if (box.top >= height) {
      below++;
      continue;
    }
    if (box.bottom <= 0 || box.height === 0) continue;
    if (block === body || block === doc.documentElement || !isReadable(block) || isTooBig(block, blockCache)) continue;
    blocks.push(block);
  }
  return blocks;
}
