import { isElement, isText } from './node-kind';
import { showPickBanner, type PickBannerLabels } from './pick-banner';

/*
 * "Pick a listing on the page" (background/pick-listing.ts): the reporter's next trusted tap or click
 * names the listing, where there is no context menu to right-click (Firefox for Android). Only events
 * the browser made from the reporter's input count (`isTrusted`): a page script's synthetic click,
 * pointerup or Escape is ignored, so a page can neither choose the listing nor start a report.
 */

/** The fields of an event that decide what pick mode does with it. */
export interface PickEventLike {
  type: string;
  isTrusted: boolean;
  button?: number;
  isPrimary?: boolean;
  key?: string;
}

/** ignore: let it be; pick: this is the listing; swallow: the click that follows the picking tap; cancel: leave pick mode. */
export type PickDecision = 'ignore' | 'pick' | 'swallow' | 'cancel';

/**
 * A tap gives pointerup then click; a mouse gives the same; Enter on a focused link gives a click alone.
 * The first trusted one picks, and the click after a picking pointerup is swallowed, so that the tap
 * does not follow a link.
 */
export function decidePick(event: PickEventLike, picked: boolean): PickDecision {
  if (event.isTrusted !== true) return 'ignore';
  switch (event.type) {
    case 'keydown':
      return event.key === 'Escape' && !picked ? 'cancel' : 'ignore';
    case 'pointerup':
      return !picked && event.button === 0 && event.isPrimary !== false ? 'pick' : 'ignore';
    case 'click':
      if (event.button !== 0) return 'ignore';
      return picked ? 'swallow' : 'pick';
    default:
      return 'ignore';
  }
}

/** How long the click that follows a picking pointerup is waited for (a tap's click comes within a few hundred ms). */
const CLICK_AFTER_TAP_MS = 1000;

export interface PickModeOptions {
  doc: Document;
  labels: PickBannerLabels;
  /** The element under the tap; pick mode has ended (bar the swallowed click) when this runs. */
  onPick(target: Element): void;
  /** Pick mode is over: picked, cancelled, timed out or stopped. */
  onEnd?(): void;
  timeoutMs: number;
}

function targetOf(event: Event): Element | null {
  const target = event.composedPath()[0];
  if (isElement(target)) return target;
  if (isText(target)) return target.parentElement;
  return null;
}

/** Shows the banner and waits for the reporter's tap; returns a function that leaves pick mode. */
export function startPickMode(options: PickModeOptions): () => void {
  const { doc } = options;
  const view = doc.defaultView;
  const controller = new AbortController();
  let picked = false;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = () => {
    if (controller.signal.aborted) return;
    controller.abort();
    clearTimeout(timer);
    banner.remove();
    if (!ended) {
      ended = true;
      options.onEnd?.();
    }
  };
  const banner = showPickBanner(doc, options.labels, finish);

  const handle = (event: Event) => {
    // The banner's own button answers for itself; a tap on the bar names no listing.
    if (event.composedPath().includes(banner.host)) return;
    const decision = decidePick(event as Event & PickEventLike, picked);
    if (decision === 'ignore') return;
    if (decision === 'cancel') {
      finish();
      return;
    }
    // Only this trusted tap is kept from the page: it must not follow a link or run the page's handlers.
    event.stopImmediatePropagation();
    if (event.type === 'click') event.preventDefault();
    if (decision === 'swallow') {
      finish();
      return;
    }
    const target = targetOf(event);
    if (!target) return;
    picked = true;
    clearTimeout(timer);
    if (event.type === 'click') {
      finish();
    } else {
      // Over for the reporter; the listeners stay a moment for the tap's click.
      banner.remove();
      ended = true;
      options.onEnd?.();
      timer = setTimeout(finish, CLICK_AFTER_TAP_MS);
    }
    options.onPick(target);
  };

  const listen = { capture: true, signal: controller.signal };
  view?.addEventListener('pointerup', handle, listen);
  view?.addEventListener('click', handle, listen);
  view?.addEventListener('keydown', handle, listen);
  timer = setTimeout(finish, options.timeoutMs);
  return finish;
}
