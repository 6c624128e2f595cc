// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isRealRightClick, rememberRightClicks, type RightClickLike } from '../../../src/content/listing-picker';

/*
 * The right-click picker (src/content/listing-picker.ts) remembers only the browser's own right-clicks.
 * The decision is tested with plain objects; the wiring with happy-dom events, which are untrusted as a
 * page script's are, unless an own `isTrusted` property is set before dispatch (happy-dom allows it, a
 * browser does not: test/e2e/hostile.test.ts shows a page's synthetic contextmenu on a decoy ignored).
 */

describe('which events the right-click picker remembers', () => {
  it('takes trusted contextmenu and right-button pointerdown only', () => {
    expect(isRealRightClick({ type: 'contextmenu', isTrusted: true })).toBe(true);
    expect(isRealRightClick({ type: 'pointerdown', isTrusted: true, button: 2 })).toBe(true);
    expect(isRealRightClick({ type: 'pointerdown', isTrusted: true, button: 0 })).toBe(false);
    expect(isRealRightClick({ type: 'click', isTrusted: true, button: 2 })).toBe(false);
  });

  it('ignores every untrusted event, and anything but `true` is untrusted', () => {
    expect(isRealRightClick({ type: 'contextmenu', isTrusted: false })).toBe(false);
    expect(isRealRightClick({ type: 'pointerdown', isTrusted: false, button: 2 })).toBe(false);
    expect(isRealRightClick({ type: 'contextmenu' } as RightClickLike)).toBe(false);
    expect(isRealRightClick({ type: 'contextmenu', isTrusted: 1 } as unknown as RightClickLike)).toBe(false);
  });
});

describe('the listener', () => {
  let controller: AbortController;
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  it('keeps the real target when a page answers with a synthetic contextmenu on a decoy', () => {
    controller = new AbortController();
    document.body.innerHTML = '<p id="real">real</p><p id="decoy">decoy</p>';
    const last = rememberRightClicks(controller.signal);
    const real = new MouseEvent('contextmenu', { bubbles: true, composed: true });
    Object.defineProperty(real, 'isTrusted', { value: true });
    document.getElementById('real')!.dispatchEvent(real);
    document.getElementById('decoy')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    document.getElementById('decoy')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 2 }));
    expect(last()?.id).toBe('real');
  });

  it('remembers nothing from synthetic events alone', () => {
    controller = new AbortController();
    document.body.innerHTML = '<p id="decoy">decoy</p>';
    const last = rememberRightClicks(controller.signal);
    document.getElementById('decoy')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    expect(last()).toBeNull();
  });
});
