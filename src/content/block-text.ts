/** Block-level elements: text in two different ones is two lines, not one word. */
const LINE_TAGS = new Set([
  'p', 'div', 'li', 'td', 'th', 'tr', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'article', 'section', 'blockquote', 'header', 'footer',
  'figcaption', 'pre', 'body', 'ul', 'ol', 'dl', 'table', 'caption', 'nav', 'aside', 'main', 'form', 'fieldset', 'legend', 'figure', 'details',
  'summary', 'button', 'address', 'option',
]);

/**
 * The nearest block-level element at or above `element`: a walk up that compares tag names, which costs
 * less than `closest()` with a selector of forty alternatives (it runs for every new text node's parent).
 */
export function lineOf(element: Element): Element | null {
  for (let current: Element | null = element; current; current = current.parentElement) if (LINE_TAGS.has(current.localName)) return current;
  return null;
}

/** What the matcher reads of a block: `owners` maps a text's index to its node's index (-1: a separator). */
export interface BlockText {
  texts: string[];
  owners: number[];
}

/**
 * The matcher joins a block's text nodes with nothing between them, which is right inside a line
 * ("出<b>售</b>枪支") but would glue a title to the paragraph below it. A space goes between nodes that
 * sit in different block-level elements; `owners` maps the matcher's node indices back to text nodes.
 * `cache` keeps each text's parent's line element, so a block read again costs no new `closest()`.
 */
export function withSeparators(nodes: readonly Text[], cache: WeakMap<Element, Element>): BlockText {
  const texts: string[] = [];
  const owners: number[] = [];
  let previousLine: Element | null | undefined;
  nodes.forEach((node, index) => {
    const parent = node.parentElement;
    let line: Element | null = null;
    if (parent) {
      line = cache.get(parent) ?? lineOf(parent);
      if (line) cache.set(parent, line);
    }
    // A line break inside one element ("line one<br>line two") parts two lines as much as two elements do,
    // and so does a block-level element between two texts of one line, whose own text is another block's
    // ("<b>Baton</b><div>₹ 1,150</div><span>Get price</span>").
    if (previousLine !== undefined && (line !== previousLine || node.previousSibling?.nodeName === 'BR' || followsLine(node, line))) {
      texts.push(' ');
      owners.push(-1);
    }
    texts.push(node.data);
    owners.push(index);
    previousLine = line;
  });
  return { texts, owners };
}

/**
 * Whether a block-level element comes right before `node`, or before one of its ancestors below `line`
 * (whitespace and comments skipped): the text before it in the block is then on another line.
 */
function followsLine(node: Node, line: Element | null): boolean {
  for (let current: Node | null = node; current && current !== line; current = current.parentNode) {
    let before = current.previousSibling;
    while (before && (before.nodeType === 8 || (before.nodeType === 3 && !/\S/.test((before as Text).data)))) before = before.previousSibling;
    if (before === null) continue;
    return before.nodeType === 1 && (LINE_TAGS.has((before as Element).localName) || before.nodeName === 'BR');
  }
  return false;
}
