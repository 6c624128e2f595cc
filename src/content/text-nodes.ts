/** Elements whose text is not page prose, or belongs to the user (form fields, editors). */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE']);

export function isSkippedElement(element: Element): boolean {
  if (SKIP_TAGS.has(element.tagName.toUpperCase())) return true;
  if ((element as HTMLElement).isContentEditable) return true;
  return false;
}

/** Cheap check used per text node: climbs only until a known-good ancestor is found. */
function acceptable(node: Node, cache: WeakMap<Element, boolean>): boolean {
  let element = node.parentElement;
  const path: Element[] = [];
  let verdict = true;
  while (element) {
    const known = cache.get(element);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    path.push(element);
    if (isSkippedElement(element)) {
      verdict = false;
      break;
    }
    element = element.parentElement;
  }
  for (const visited of path) cache.set(visited, verdict);
  return verdict;
}

export interface WalkContext {
  /** Called for each open shadow root or same-origin frame document the walk enters. */
  onRoot?: (root: ShadowRoot | Document) => void;
  /** Called for each iframe met, loaded or not, so that a frame that loads later can be scanned then. */
  onFrame?: (frame: HTMLIFrameElement) => void;
  cache?: WeakMap<Element, boolean>;
}

/**
 * One TreeWalker pass over text nodes (DESIGN.md §7), plus open shadow roots and same-origin iframes,
 * which a document-level walker does not enter. A generator, so that the caller can stop between
 * nodes and yield the main thread; the TreeWalker resumes where it was.
 */
export function* textNodesOf(root: Node, context: WalkContext = {}): Generator<Text> {
  const cache = (context.cache ??= new WeakMap());
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.trim() && acceptable(text, cache)) yield text;
      continue;
    }
    const element = node as Element;
    const shadow = element.shadowRoot;
    if (shadow && !isSkippedElement(element)) {
      context.onRoot?.(shadow);
      yield* textNodesOf(shadow, context);
    }
    if (element.tagName === 'IFRAME') {
      context.onFrame?.(element as HTMLIFrameElement);
      const frameDoc = sameOriginDocument(element as HTMLIFrameElement);
      if (frameDoc?.body) {
        context.onRoot?.(frameDoc);
        yield* textNodesOf(frameDoc.body, context);
      }
    }
  }
}

export function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}
