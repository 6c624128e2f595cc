// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, settle, unmount } from './dom';
import { lazyView } from '../../../src/popup/lazy-view';

/* A view whose code comes from a dynamic import (src/popup/lazy-view.tsx), as the popup's history does. */

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) unmount(root);
  root = null;
  vi.restoreAllMocks();
});

const Greeting = ({ name }: { name: string }) => <p id="greeting">hello {name}</p>;

describe('a lazily loaded view', () => {
  it('shows nothing until its code is there, then the view with its props; loads it once', async () => {
    let finish: (view: typeof Greeting) => void = () => undefined;
    const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (finish = resolve)));
    const View = lazyView(load);
    root = mount(<View name="reporter" />);
    await settle();
    expect(root.innerHTML).toBe('');
    finish(Greeting);
    await settle();
    expect(root.querySelector('#greeting')?.textContent).toBe('hello reporter');
    unmount(root);
    root = mount(<View name="again" />);
    expect(root.querySelector('#greeting')?.textContent).toBe('hello again');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again the next time it is shown when its code failed to load', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const load = vi.fn<() => Promise<typeof Greeting>>().mockRejectedValueOnce(new Error('chunk gone')).mockResolvedValue(Greeting);
    const View = lazyView(load);
    root = mount(<View name="first" />);
    await settle();
    expect(root.innerHTML).toBe('');
    unmount(root);
    root = mount(<View name="second" />);
    await settle();
    expect(root.querySelector('#greeting')?.textContent).toBe('hello second');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
