// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findListingContainer } from '../../../src/content/listing-container';
import { decidePick, startPickMode, type PickEventLike } from '../../../src/content/pick-mode';

/*
 * Pick mode (src/content/pick-mode.ts) in two halves. The decision is a pure function of the event's
 * fields, tested with plain objects that say whether the browser made them. The DOM wiring is tested
 * with real events dispatched through happy-dom: those are untrusted, as a page script's are, and are
 * ignored; for the trusted path an event is marked trusted by an own `isTrusted` property before it is
 * dispatched, which happy-dom allows and a browser does not (there `isTrusted` is unforgeable, and the
 * end-to-end test test/e2e/pick-listing.test.ts shows a page's synthetic click picking nothing).
 */

const trusted = (fields: Omit<PickEventLike, 'isTrusted'>): PickEventLike => ({ ...fields, isTrusted: true });
const synthetic = (fields: Omit<PickEventLike, 'isTrusted'>): PickEventLike => ({ ...fields, isTrusted: false });

describe('what pick mode does with an event', () => {
  it('ignores every untrusted event, whatever it is', () => {
    for (const picked of [false, true]) {
      expect(decidePick(synthetic({ type: 'click', button: 0 }), picked)).toBe('ignore');
      expect(decidePick(synthetic({ type: 'pointerup', button: 0, isPrimary: true }), picked)).toBe('ignore');
      expect(decidePick(synthetic({ type: 'keydown', key: 'Escape' }), picked)).toBe('ignore');
    }
    // Not `true` is not trusted: a missing field (happy-dom) or a truthy fake.
    expect(decidePick({ type: 'click', button: 0 } as PickEventLike, false)).toBe('ignore');
    expect(decidePick({ type: 'click', button: 0, isTrusted: 1 } as unknown as PickEventLike, false)).toBe('ignore');
  });

  it('picks on the first trusted primary tap or click, and swallows the click that follows a tap', () => {
    expect(decidePick(trusted({ type: 'pointerup', button: 0, isPrimary: true }), false)).toBe('pick');
    expect(decidePick(trusted({ type: 'click', button: 0 }), false)).toBe('pick');
    expect(decidePick(trusted({ type: 'click', button: 0 }), true)).toBe('swallow');
    expect(decidePick(trusted({ type: 'pointerup', button: 0, isPrimary: true }), true)).toBe('ignore');
  });

  it('leaves other buttons, second fingers and other keys alone; Escape cancels', () => {
    expect(decidePick(trusted({ type: 'pointerup', button: 2, isPrimary: true }), false)).toBe('ignore');
    expect(decidePick(trusted({ type: 'pointerup', button: 0, isPrimary: false }), false)).toBe('ignore');
    expect(decidePick(trusted({ type: 'click', button: 1 }), false)).toBe('ignore');
    expect(decidePick(trusted({ type: 'keydown', key: 'Enter' }), false)).toBe('ignore');
    expect(decidePick(trusted({ type: 'pointerdown', button: 0 }), false)).toBe('ignore');
    expect(decidePick(trusted({ type: 'keydown', key: 'Escape' }), false)).toBe('cancel');
  });
});

const FORUM = [1, 2, 3, 4]
  .map((n) => `<article class="post" id="post-${n}"><h2><a id="link-${n}" href="#thread-${n}">Post ${n}</a></h2><p id="body-${n}">Body of post ${n}, $${n}0</p></article>`)
  .join('');

function start(overrides: { timeoutMs?: number } = {}) {
  document.body.innerHTML = `<main>${FORUM}</main>`;
  const picks: Element[] = [];
  const onEnd = vi.fn();
  const stop = startPickMode({
    doc: document,
    labels: { hint: 'Tap the listing', cancel: 'Cancel' },
    timeoutMs: overrides.timeoutMs ?? 60_000,
    onPick: (target) => void picks.push(target),
    onEnd,
  });
  return { picks, onEnd, stop, banner: () => document.querySelector('[data-tipline-pick]') };
}

/** A real DOM event, marked trusted the only way a test can (see the header). */
function asTrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const click = (init: MouseEventInit = {}) => new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0, ...init });
const pointerUp = () => new PointerEvent('pointerup', { bubbles: true, cancelable: true, composed: true, button: 0, isPrimary: true });

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('pick mode on the page', () => {
  it('shows a banner built of DOM nodes, in a closed shadow root', () => {
    const mode = start();
    const banner = mode.banner();
    expect(banner).not.toBeNull();
    // Closed: the page sees the host and nothing inside it.
    expect((banner as HTMLElement).shadowRoot).toBeNull();
    mode.stop();
    expect(mode.banner()).toBeNull();
    expect(mode.onEnd).toHaveBeenCalledTimes(1);
  });

  it('ignores a page script’s synthetic click and pointerup: nothing is picked, the link still works, the banner stays', () => {
    const mode = start();
    const link = document.querySelector('#link-3')!;
    const syntheticClick = click();
    link.dispatchEvent(pointerUp());
    link.dispatchEvent(syntheticClick);
    document.querySelector('#body-2')!.dispatchEvent(click());
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(mode.picks).toEqual([]);
    expect(syntheticClick.defaultPrevented).toBe(false);
    expect(mode.banner()).not.toBeNull();
    expect(mode.onEnd).not.toHaveBeenCalled();
    mode.stop();
  });

  it('picks the listing container under a trusted click, keeps that click from the page and ends', () => {
    const mode = start();
    const pageHandler = vi.fn();
    document.querySelector('#link-3')!.addEventListener('click', pageHandler);
    const trustedClick = asTrusted(click());
    document.querySelector('#link-3')!.dispatchEvent(trustedClick);
    expect(mode.picks.map((element) => element.id)).toEqual(['link-3']);
    // The content script hands the target to the right-click picker's container search (listing-picker.ts).
    expect(findListingContainer(mode.picks[0]!, 800).id).toBe('post-3');
    expect(trustedClick.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
    expect(mode.banner()).toBeNull();
    expect(mode.onEnd).toHaveBeenCalledTimes(1);
    // Over: the next trusted click is the page's again.
    const later = asTrusted(click());
    document.querySelector('#link-1')!.dispatchEvent(later);
    expect(mode.picks).toHaveLength(1);
    expect(later.defaultPrevented).toBe(false);
  });

  it('picks on a trusted tap (pointerup) and swallows only the click that follows it', () => {
    vi.useFakeTimers();
    const mode = start();
    document.querySelector('#body-2')!.dispatchEvent(asTrusted(pointerUp()));
    expect(mode.picks.map((element) => element.id)).toEqual(['body-2']);
    expect(findListingContainer(mode.picks[0]!, 800).id).toBe('post-2');
    expect(mode.banner()).toBeNull();
    expect(mode.onEnd).toHaveBeenCalledTimes(1);
    // A page script's click in between is not the tap's: it is left alone.
    const syntheticClick = click();
    document.querySelector('#link-2')!.dispatchEvent(syntheticClick);
    expect(syntheticClick.defaultPrevented).toBe(false);
    const tapClick = asTrusted(click());
    document.querySelector('#link-2')!.dispatchEvent(tapClick);
    expect(tapClick.defaultPrevented).toBe(true);
    const next = asTrusted(click());
    document.querySelector('#link-2')!.dispatchEvent(next);
    expect(next.defaultPrevented).toBe(false);
    expect(mode.picks).toHaveLength(1);
    expect(mode.onEnd).toHaveBeenCalledTimes(1);
  });

  it('a trusted Escape cancels: the banner goes, nothing is picked, clicks are the page’s again', () => {
    const mode = start();
    window.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(mode.banner()).toBeNull();
    expect(mode.onEnd).toHaveBeenCalledTimes(1);
    const after = asTrusted(click());
    document.querySelector('#link-4')!.dispatchEvent(after);
    expect(mode.picks).toEqual([]);
    expect(after.defaultPrevented).toBe(false);
  });

  it('a tap on the banner picks nothing', () => {
    const mode = start();
    mode.banner()!.dispatchEvent(asTrusted(click()));
    expect(mode.picks).toEqual([]);
    expect(mode.banner()).not.toBeNull();
    mode.stop();
  });

  it('ends on its own when no tap comes in time', () => {
    vi.useFakeTimers();
    const mode = start({ timeoutMs: 5000 });
    vi.advanceTimersByTime(5001);
    expect(mode.banner()).toBeNull();
    expect(mode.onEnd).toHaveBeenCalledTimes(1);
    document.querySelector('#link-1')!.dispatchEvent(asTrusted(click()));
    expect(mode.picks).toEqual([]);
  });
});
