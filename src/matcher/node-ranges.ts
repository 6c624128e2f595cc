import type { NormalisedText } from './normalise';
import { sourceRange } from './normalise';

/**
 * A match in text-node coordinates: what `Range.setStart(nodes[startNode], startOffset)` and
 * `Range.setEnd(nodes[endNode], endOffset)` need for the CSS Custom Highlight API. A match may span
 * several adjacent nodes ("出<b>售</b>枪支"); one Range covers it all.
 */
export interface NodeRange {
  startNode: number;
  startOffset: number;
  endNode: number;
  endOffset: number;
}

/** The part of a match inside one text node, for the fallback that wraps text in elements. */
export interface NodeSegment {
  node: number;
  start: number;
  end: number;
}

/** Node range of the normalised range `[s, e)` (which must be non-empty). */
export function toNodeRange(nt: NormalisedText, s: number, e: number): NodeRange {
  const { start, end } = sourceRange(nt, s, e);
  const startNode = nodeContaining(nt.nodeStarts, start);
  // The end offset belongs to the node holding the match's last unit, not to the next node.
  const endNode = nodeContaining(nt.nodeStarts, Math.max(start, end - 1));
  return {
    startNode,
    startOffset: start - (nt.nodeStarts[startNode] ?? 0),
    endNode,
    endOffset: end - (nt.nodeStarts[endNode] ?? 0),
  };
}

/** Split a node range into one segment per node it touches (empty nodes are skipped). */
export function splitByNode(nodeStarts: Uint32Array, r: NodeRange): NodeSegment[] {
  const out: NodeSegment[] = [];
  for (let node = r.startNode; node <= r.endNode; node++) {
    const len = (nodeStarts[node + 1] ?? 0) - (nodeStarts[node] ?? 0);
    const start = node === r.startNode ? r.startOffset : 0;
    const end = node === r.endNode ? r.endOffset : len;
    if (end > start) out.push({ node, start, end });
  }
  return out;
}

/** Last node whose start is <= offset, skipping empty nodes (which start where the next one does). */
function nodeContaining(nodeStarts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = nodeStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((nodeStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
