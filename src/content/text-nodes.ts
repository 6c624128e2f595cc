/**
 * Elements whose text is not page prose, or belongs to the user (form fields, editors). A `<pre>` is
 * read: paste sites show a seller's price list in one, as plain text; code inside it sits in `<code>`.
 */
const SKIP_NAMES = new Set(['script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'template', 'svg', 'canvas', 'iframe', 'object', 'code']);

/**
 * Read once per element of a page, so it sticks to two cheap reads: `localName` is lower case for
 * HTML and SVG alike, and an editor is marked by its `contenteditable` attribute (its descendants
 * are skipped with it by the walk, which is what `isContentEditable` would have said of them).
 */
export function isSkippedElement(element: Element): boolean {
  if (SKIP_NAMES.has(element.localName)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether text under `node` may be read: neither it nor an ancestor is skipped. For subtree roots. */
export function isReadable(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return false;
  for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (isSkippedElement(element)) return false;
  }
  return true;
}

export interface WalkContext {
  /** Called for each open shadow root or same-origin frame document the walk enters. */
  onRoot?: (root: ShadowRoot | Document) => void;
  /** Called for each iframe met, loaded or not, so that a frame that loads later can be scanned then. */
  onFrame?: (frame: HTMLIFrameElement) => void;
}

/**
 * One TreeWalker pass over text nodes (docs/ARCHITECTURE.md, performance floor), plus open shadow roots and same-origin iframes,
 * which a document-level walker does not enter. A skipped element's subtree is stepped over, not
 * visited. `next()` can be called across time slices: the walkers resume where they were, and
 * changes made meanwhile are the MutationObserver's business.
 */
export class TextWalk {
  private readonly walkers: TreeWalker[] = [];

  constructor(
    root: Node,
    private readonly context: WalkContext = {},
  ) {
    if (isReadable(root)) this.enter(root);
  }

  /** The next readable text node with some non-space text, or null at the end. */
  next(): Text | null {
    for (;;) {
      const walker = this.walkers[this.walkers.length - 1];
      if (!walker) return null;
      const node = walker.nextNode();
      if (!node) {
        this.walkers.pop();
        continue;
      }
      if (node.nodeType === 3) {
        if (hasText((node as Text).data)) return node as Text;
        continue;
      }
      const element = node as Element;
      if (isSkippedElement(element)) {
        if (element.localName === 'iframe') this.frame(element as HTMLIFrameElement);
        walker.currentNode = lastDescendant(element);
        continue;
      }
      const shadow = element.shadowRoot;
      if (shadow) {
        this.context.onRoot?.(shadow);
        this.enter(shadow);
      }
    }
  }

  private frame(frame: HTMLIFrameElement): void {
    this.context.onFrame?.(frame);
    const frameDoc = sameOriginDocument(frame);
    if (frameDoc?.body && frameDoc.designMode !== 'on') {
      this.context.onRoot?.(frameDoc);
      this.enter(frameDoc.body);
    }
  }

  private enter(root: Node): void {
    const doc = root.ownerDocument ?? (root as Document);
    this.walkers.push(doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT));
  }
}

/** The text nodes of a subtree, for the callers that want an iterable. */
export function* textNodesOf(root: Node, context: WalkContext = {}): Generator<Text> {
  const walk = new TextWalk(root, context);
  for (let node = walk.next(); node; node = walk.next()) yield node;
}

/** The walker's next node after this is whatever follows the element's subtree. */
function lastDescendant(element: Element): Node {
  let node: Node = element;
  while (node.lastChild) node = node.lastChild;
  return node;
}

/** Not only white space: cheaper than `trim()`, which copies. */
function hasText(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return true;
  }
  return false;
}

export function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}
