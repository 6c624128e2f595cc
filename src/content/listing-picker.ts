import type { ListingCapture } from '../shared/protocol/messages';
import type { Match } from '../shared/report';
import { extractListing } from './listing-extract';
import { findListingContainer } from './listing-container';
import { isElement, isText } from './node-kind';
import type { BlockFinding } from '../shared/protocol/block-scan';

/** The fields of a right-click event the picker reads. */
export interface RightClickLike {
  type: string;
  isTrusted: boolean;
  button?: number;
}

/**
 * Whether an event is a right-click to remember. Only the browser's own events count (`isTrusted`
 * is exactly `true`): a page that hears the real right-click cannot answer it with a synthetic
 * `contextmenu` or `pointerdown` on a decoy and have the decoy reported.
 */
export function isRealRightClick(event: RightClickLike): boolean {
  if (event.isTrusted !== true) return false;
  if (event.type === 'contextmenu') return true;
  return event.type === 'pointerdown' && event.button === 2;
}

/**
 * Remembers the element under the last right-click. Capture phase on window, plus pointerdown as a
 * second source, because hostile pages cancel or stop `contextmenu`. Untrusted events are ignored.
 */
export function rememberRightClicks(signal?: AbortSignal): () => Element | null {
  let last: Element | null = null;
  let clicked = false;
  const remember = (event: Event) => {
    if (!isRealRightClick(event as Event & { button?: number })) return;
    clicked = true;
    const target = event.composedPath()[0];
    if (isElement(target)) last = target;
    else if (isText(target)) last = target.parentElement;
  };
  window.addEventListener('contextmenu', remember, { capture: true, signal });
  window.addEventListener('pointerdown', remember, { capture: true, signal });
  return () => {
    // The page changed between the click and the capture: better no listing than a neighbour's.
    if (clicked && last && !last.isConnected) throw new Error('error_listing_gone');
    return last;
  };
}

function countSpans(findings: readonly BlockFinding[]): Match[] {
  const counts = new Map<string, Match>();
  for (const finding of findings) {
    for (const span of finding.spans) {
      const key = `${span.category}\u0000${span.phrase}`;
      const match = counts.get(key);
      if (match) match.count++;
      else counts.set(key, { phrase: span.phrase, category: span.category, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Brings the listing into view and reports what it says and where it is, for the cropped shot. */
export async function captureListing(
  target: Element | null,
  hints: { linkUrl?: string; srcUrl?: string; selectionText?: string },
  findingsWithin: (container: Element) => BlockFinding[],
): Promise<ListingCapture> {
  const doc = document;
  const container = target ? findListingContainer(target, innerHeight) : doc.body;
  container.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  // Two frames: the scroll is applied, then painted, before the background takes the shot.
  await nextFrame();
  await nextFrame();
  const box = container.getBoundingClientRect();
  return {
    listing: extractListing(container, hints, location.href),
    matches: countSpans(findingsWithin(container)),
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
    viewport: { width: innerWidth, height: innerHeight },
    devicePixelRatio: devicePixelRatio || 1,
    title: doc.title,
    url: location.href,
  };
}
