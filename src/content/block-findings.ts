import type { BlockFinding } from '../shared/protocol/block-scan';
import type { PreparedBlock } from './block-readings';
import type { Highlighter, HighlightSpan } from './highlighter';

/** The findings of the page's blocks, each laid on the page as its block's highlights. */
export interface BlockFindings {
  /** Replaces a block's finding and highlights with those of its latest reading (none: both go). */
  apply(prepared: PreparedBlock, finding: BlockFinding): void;
  has(block: Element): boolean;
  /** Blocks whose nodes left the page drop their findings and highlights. */
  dropDisconnected(): void;
  /** Findings of the blocks inside (or around) an element. */
  within(container: Element): BlockFinding[];
  values(): Iterable<BlockFinding>;
  /** Every finding and highlight goes: the scan has stopped. */
  clear(): void;
}

export function createBlockFindings(highlighter: Highlighter): BlockFindings {
  const findings = new Map<Element, BlockFinding>();
  return {
    apply({ block, nodes, owners }, finding) {
      if (finding.spans.length === 0) {
        if (findings.has(block)) highlighter.remove(block);
        findings.delete(block);
        return;
      }
      const spans: HighlightSpan[] = [];
      for (const span of finding.spans) {
        const startNode = nodes[owners[span.startNode] ?? -1];
        const endNode = nodes[owners[span.endNode] ?? -1];
        // Offsets come from the worker too: one past its node's end would throw in Range.setStart.
        if (startNode && endNode && span.startOffset <= startNode.data.length && span.endOffset <= endNode.data.length) {
          spans.push({ startNode, startOffset: span.startOffset, endNode, endOffset: span.endOffset, category: span.category, suspect: finding.suspect });
        }
      }
      highlighter.set(block, spans);
      findings.set(block, finding);
    },
    has: (block) => findings.has(block),
    dropDisconnected() {
      for (const block of [...findings.keys()]) {
        if (!block.isConnected) {
          highlighter.remove(block);
          findings.delete(block);
        }
      }
    },
    within(container) {
      return [...findings].filter(([block]) => container.contains(block) || block.contains(container)).map(([, finding]) => finding);
    },
    values: () => findings.values(),
    clear() {
      highlighter.clear();
      findings.clear();
    },
  };
}
