import { blockOf, type BlockCache } from './blocks';
import { withSeparators, type BlockText } from './block-text';
import { textNodesOf } from './text-nodes';

/** A block's text nodes and the texts the matcher reads of them, as they were when read. */
export interface PreparedBlock extends BlockText {
  block: Element;
  nodes: Text[];
  /** Which reading of the block this is: only the latest one's finding is applied. */
  reading: number;
}

export interface BlockReadings {
  /** Reads a block's text now; this reading becomes the block's latest. */
  read(block: Element): PreparedBlock;
  /** Is this still the block's latest reading, and its text what was read? */
  isCurrent(prepared: PreparedBlock): boolean;
}

/**
 * Readings of blocks for the exact scan. An answer comes back after the page has had its turn, so it
 * applies only to the reading it was asked about: one a rescan overtook, or whose text changed
 * meanwhile, is left to the rescan its mutation asked for.
 */
export function createBlockReadings(blockCache: BlockCache): BlockReadings {
  const latest = new WeakMap<Element, number>();
  const lineCache = new WeakMap<Element, Element>();
  let nextReading = 0;

  /** A block's own text nodes: those of blocks nested in it belong to them. */
  function nodesOfBlock(block: Element): Text[] {
    const nodes: Text[] = [];
    for (const node of textNodesOf(block)) if (blockOf(node, blockCache) === block) nodes.push(node);
    return nodes;
  }

  return {
    read(block) {
      const nodes = block.isConnected ? nodesOfBlock(block) : [];
      const reading = ++nextReading;
      latest.set(block, reading);
      return { block, nodes, reading, ...withSeparators(nodes, lineCache) };
    },
    isCurrent(prepared) {
      return latest.get(prepared.block) === prepared.reading && unchanged(prepared);
    },
  };
}

/** Is a block's text still what was sent for its scan? */
function unchanged({ block, nodes, texts, owners }: PreparedBlock): boolean {
  if (!block.isConnected) return false;
  for (let index = 0; index < texts.length; index++) {
    const owner = owners[index] ?? -1;
    const node = nodes[owner];
    if (owner >= 0 && (!node || node.data !== texts[index] || !node.isConnected)) return false;
  }
  return true;
}
