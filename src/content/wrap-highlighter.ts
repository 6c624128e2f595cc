import { CATEGORY_COLOURS } from '../shared/taxonomy';
import type { Highlighter, HighlightSpan } from './highlighter';

interface Segment {
  node: Text;
  start: number;
  end: number;
  category: HighlightSpan['category'];
  suspect: boolean;
}

/** A match across nodes becomes one piece per node; only whole nodes lie between its ends. */
function segments(spans: readonly HighlightSpan[]): Segment[] {
  const out: Segment[] = [];
  for (const span of spans) {
    const { category, suspect } = span;
    if (span.startNode === span.endNode) {
      out.push({ node: span.startNode, start: span.startOffset, end: span.endOffset, category, suspect });
      continue;
    }
    out.push({ node: span.startNode, start: span.startOffset, end: span.startNode.data.length, category, suspect });
    out.push({ node: span.endNode, start: 0, end: span.endOffset, category, suspect });
  }
  return out;
}

export const WRAP_ATTRIBUTE = 'data-tipline-mark';

/**
 * Fallback for browsers without the CSS Custom Highlight API (Firefox before 140): wraps only the
 * matched text in <mark>, built with DOM calls, never markup.
 * TODO [Firefox 140 as minimum]: drop this fallback.
 */
export function createWrapHighlighter(doc: Document): Highlighter {
  const perBlock = new Map<Element, HTMLElement[]>();

  function unwrap(mark: HTMLElement) {
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }

  function remove(block: Element) {
    for (const mark of perBlock.get(block) ?? []) unwrap(mark);
    perBlock.delete(block);
  }

  return {
    adoptRoot() {},
    remove,
    set(block, spans) {
      remove(block);
      const marks: HTMLElement[] = [];
      // Right to left within a node, so earlier offsets stay valid as the node is split.
      const ordered = segments(spans).sort((a, b) => (a.node === b.node ? b.start - a.start : 0));
      for (const span of ordered) {
        if (!span.node.isConnected || span.end > span.node.data.length || span.end <= span.start) continue;
        const tail = span.node.splitText(span.start);
        tail.splitText(span.end - span.start);
        const mark = doc.createElement('mark');
        mark.setAttribute(WRAP_ATTRIBUTE, span.category);
        mark.style.backgroundColor = span.suspect ? CATEGORY_COLOURS[span.category] : 'transparent';
        mark.style.color = span.suspect ? '#111' : 'inherit';
        mark.style.textDecoration = span.suspect ? 'underline 2px solid #b00020' : 'underline 1px dotted #b26a00';
        tail.parentNode?.insertBefore(mark, tail);
        mark.appendChild(tail);
        marks.push(mark);
      }
      perBlock.set(block, marks);
    },
    rangeFor(predicate) {
      for (const marks of perBlock.values()) {
        for (const mark of marks) {
          if (predicate(mark.textContent ?? '')) {
            const range = doc.createRange();
            range.selectNodeContents(mark);
            return range;
          }
        }
      }
      return null;
    },
    clear() {
      for (const block of [...perBlock.keys()]) remove(block);
    },
  };
}
