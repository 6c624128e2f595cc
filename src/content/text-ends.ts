/*
 * The first or last few units of an element's text without reading the rest of it: an element
 * beside a block, or a page's body, may hold megabytes, and these run with every exact scan.
 * Scripts, styles and templates are not text a reader sees.
 */

const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The first `units` of the element's text, whitespace collapsed. */
export function textStart(element: Element, units: number): string {
  const parts: string[] = [];
  let read = 0;
  let node: Node | null = element.firstChild;
  while (node && read < units * 2) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      read += data.length;
    } else if (node.nodeType === Node.ELEMENT_NODE && !HIDDEN.has(node.nodeName) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    node = node && node !== element ? node.nextSibling : null;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, units);
}

/**
 * The last `units` of the element's text, whitespace collapsed, read backwards from its end (last
 * child first, then the previous sibling, then up: the same walk in every DOM, where a TreeWalker's
 * previousNode over skipped elements is not).
 */
export function textEnd(element: Element, units: number): string {
  const parts: string[] = [];
  let read = 0;
  let node: Node | null = element.lastChild;
  while (node && read < units * 2) {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      parts.push(data);
      read += data.length;
    } else if (node.nodeType === Node.ELEMENT_NODE && !HIDDEN.has(node.nodeName) && node.lastChild) {
      node = node.lastChild;
      continue;
    }
    while (node && node !== element && !node.previousSibling) node = node.parentNode;
    node = node && node !== element ? node.previousSibling : null;
  }
  return parts.reverse().join(' ').replace(/\s+/g, ' ').trim().slice(-units);
}
