import type { PageMetrics } from '../shared/protocol/messages';

const HIDDEN_ATTRIBUTE = 'data-tipline-hidden';

export function pageMetrics(): PageMetrics {
  const root = document.scrollingElement ?? document.documentElement;
  return {
    scrollX,
    scrollY,
    scrollHeight: Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0),
    viewportWidth: innerWidth,
    viewportHeight: innerHeight,
    devicePixelRatio: devicePixelRatio || 1,
  };
}

/**
 * Fixed and sticky headers would repeat in every slice of a stitched shot: after the first slice they
 * are hidden, and shown again when the capture ends (whatever happened in between).
 */
function setFixedHidden(hidden: boolean): void {
  if (!hidden) {
    for (const element of document.querySelectorAll<HTMLElement>(`[${HIDDEN_ATTRIBUTE}]`)) {
      element.style.visibility = element.getAttribute(HIDDEN_ATTRIBUTE) ?? '';
      element.removeAttribute(HIDDEN_ATTRIBUTE);
    }
    return;
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as HTMLElement;
    const position = getComputedStyle(element).position;
    if ((position === 'fixed' || position === 'sticky') && !element.hasAttribute(HIDDEN_ATTRIBUTE)) {
      element.setAttribute(HIDDEN_ATTRIBUTE, element.style.visibility);
      element.style.visibility = 'hidden';
    }
  }
}

const settle = (ms: number) => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => resolve()), ms));

/** Scrolls for one slice, waits for lazy images to start and the frame to paint, and says where it landed. */
export async function scrollForSlice(y: number, hideFixed: boolean): Promise<number> {
  setFixedHidden(hideFixed);
  window.scrollTo({ left: 0, top: y, behavior: 'instant' });
  await settle(150);
  return scrollY;
}

export function endCapture(x: number, y: number): void {
  setFixedHidden(false);
  window.scrollTo({ left: x, top: y, behavior: 'instant' });
}
