import { LISTING_SELECTOR, MAX_BLOCK_TEXT } from './blocks';
import { isShadowRoot } from './node-kind';

const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'TD', 'DD', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'ARTICLE', 'LI']);
/** A listing is a post or a card, not half a page. */
const MAX_HEIGHT_VIEWPORTS = 3;

function signature(element: Element): string {
  return `${element.tagName}.${[...element.classList].sort().join('.')}`;
}

/** Siblings built alike (posts of a thread, cards of a grid) mark the container of one listing. */
function isRepeated(element: Element): boolean {
  const parent = element.parentElement;
  if (!parent || parent.children.length < 3) return false;
  const own = signature(element);
  let alike = 0;
  for (const sibling of parent.children) if (signature(sibling) === own && ++alike >= 3) return true;
  return false;
}

function sizeOk(element: Element, viewportHeight: number): boolean {
  if ((element.textContent?.length ?? 0) > MAX_BLOCK_TEXT * 2) return false;
  const height = element.getBoundingClientRect().height;
  return height <= viewportHeight * MAX_HEIGHT_VIEWPORTS;
}

/**
 * From the element under the right-click, the nearest ancestor that looks like one listing: a known
 * listing element (article, li, row, card), else one of a run of alike siblings, within a bounded size.
 * Pages without structure fall back to the clicked element's block.
 */
export function findListingContainer(target: Element, viewportHeight: number): Element {
  const body = target.ownerDocument.body;
  for (let element: Element | null = target; element && element !== body; element = parentAcrossShadow(element)) {
    if (element.matches(LISTING_SELECTOR) && sizeOk(element, viewportHeight)) return element;
  }
  for (let element: Element | null = target; element && element !== body; element = parentAcrossShadow(element)) {
    if (isRepeated(element) && sizeOk(element, viewportHeight)) return element;
  }
  for (let element: Element | null = target; element && element !== body; element = parentAcrossShadow(element)) {
    if (BLOCK_TAGS.has(element.tagName) && sizeOk(element, viewportHeight)) return element;
  }
  return target;
}

function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}
