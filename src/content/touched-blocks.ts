import { blockAt, blockOf, type BlockCache } from './blocks';
import type { Change } from './mutation-watch';
import { isElement, isText } from './node-kind';
import { isReadable, textNodesOf, type WalkContext } from './text-nodes';

export interface TouchedBlocksContext {
  blockCache: BlockCache;
  /** Whether a block has findings now: such a block is read again even with no text of its own left. */
  hasFindings: (block: Element) => boolean;
  /** What a walk of an added subtree does with the shadow roots and frames it enters. */
  walkContext: WalkContext;
}

/**
 * The blocks that hold changed text: only they are read again (a container that gains or loses posts
 * is not itself rescanned). Changes whose nodes left the page name no block.
 */
export function touchedBlocks(changes: Iterable<Change>, { blockCache, hasFindings, walkContext }: TouchedBlocksContext): Set<Element> {
  const blocks = new Set<Element>();
  const addBlockOf = (text: Text) => {
    const block = blockOf(text, blockCache);
    if (block) blocks.add(block);
  };
  for (const [node, kind] of changes) {
    if (!node.isConnected) continue;
    if (kind === 'text' && isText(node)) {
      if (isReadable(node)) addBlockOf(node);
    } else if (kind === 'added') {
      for (const text of textNodesOf(node, walkContext)) addBlockOf(text);
    } else if (isReadable(node)) {
      for (const child of node.childNodes) if (isText(child)) addBlockOf(child);
      // A block that had findings is read again even when the element kept no text of its own
      // (`<li><span>…</span></li>` after the span's removal): its highlights may name text now gone.
      if (isElement(node)) {
        const block = blockAt(node, blockCache);
        if (hasFindings(block)) blocks.add(block);
      }
    }
  }
  return blocks;
}
