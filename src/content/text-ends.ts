/*
 * The first or last few units of an element's text without reading the rest of it: an element
 * beside a block, or a page's body, may hold megabytes or millions of empty elements, and these run
 * with every exact scan. Each walk visits at most MAX_NODES nodes; whitespace does not count towards
 * the units wanted (a page's indentation is not text). Scripts, styles and templates are not text a
 * reader sees.
 */

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const MAX_NODES = 1_000;

/** Is this element one whose text no reader sees? */
export function isHiddenElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && HIDDEN.has(node.nodeName);
}

/** The first `units` of the element's text, whitespace collapsed. */
export function textStart(element: Element, units: number): string {
  return walk(element, units, 'first').join(' ').replace(/\s+/g, ' ').trim().slice(0, units);
}

/**
 * The last `units` of the element's text, whitespace collapsed, read backwards from its end (last
 * child first, then the previous sibling, then up: the same walk in every DOM, where a TreeWalker's
 * previousNode over skipped elements is not).
 */
export function textEnd(element: Element, units: number): string {
  return walk(element, units, 'last').reverse().join(' ').replace(/\s+/g, ' ').trim().slice(-units);
}

/** The element's text nodes' data from one end, in the order met. */
function walk(element: Element, units: number, from: 'first' | 'last'): string[] {
  const first = from === 'first';
  const parts: string[] = [];
  let read = 0;
  let visited = 0;
  let node: Node | null = first ? element.firstChild : element.lastChild;
  while (node && read < units && visited++ < MAX_NODES) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      read += data.replace(/\s+/g, '').length;
    } else if (node.nodeType === Node.ELEMENT_NODE && !isHiddenElement(node)) {
      const child: Node | null = first ? node.firstChild : node.lastChild;
      if (child) {
        node = child;
        continue;
      }
    }
    while (node && node !== element && !(first ? node.nextSibling : node.previousSibling)) node = node.parentNode;
    node = node && node !== element ? (first ? node.nextSibling : node.previousSibling) : null;
  }
  return parts;
}
