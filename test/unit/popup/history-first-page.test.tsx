// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { byId, click, mount, setValue, settle, unmount } from './dom';
import { deferred, reportView, uuid } from './fixtures';
import type { ReportView } from '../../../src/shared/protocol/ui-replies';

vi.mock('webextension-polyfill', () => import('./fake-polyfill'));
vi.mock('../../../src/store/part-store', () => ({ getPart: async () => undefined }));
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { App } = await import('../../../src/popup/app');

/*
 * The popup opened on its history (`?view=history`) asks for the first page at once, beside the
 * fetch of the history's code (src/popup/history-first-page.ts), and the list shows that page rather
 * than asking again; a later showing and a filter ask anew.
 */

function record(path: string): ReportView {
  return reportView({ draftId: uuid(), tabId: 7, category: 'jammers', page: { url: `https://shop.example/${path}`, title: '' }, matches: [], note: '', includeContact: false, contact: '', partIds: [] });
}

let root: HTMLElement | null = null;
beforeEach(() => history.replaceState(null, '', '/popup.html?tab=7&view=history'));
afterEach(() => {
  if (root) unmount(root);
  root = null;
});

describe('the history opened with the popup', () => {
  it('asks for its first page before its code has rendered, shows that page, and asks again when shown again or filtered', async () => {
    const first = deferred<ReportView[]>();
    const pages = [first.promise, Promise.resolve([record('second-showing')]), Promise.resolve([])];
    const double = backgroundClientDouble({ 'history/list': () => pages.shift()! });
    root = mount(<App client={double} targetTab={Promise.resolve(7)} />);
    // Asked in the first render, before the list's code has loaded.
    expect(double.callsOf('history/list')).toEqual([{ type: 'history/list', limit: 25, filter: {} }]);
    expect(root.querySelector('.history')).toBeNull();
    first.resolve([record('first-page')]);
    // The list's code is a dynamic import, which the test runner compiles on first use.
    await vi.waitFor(async () => {
      await settle();
      expect(root?.querySelector('.history li')).toBeTruthy();
    });
    expect(root.querySelector('.history li')?.textContent).toContain('https://shop.example/first-page');
    expect(double.callsOf('history/list')).toHaveLength(1);

    await click(byId(root, 'tab-report'));
    await click(byId(root, 'tab-history'));
    expect(double.callsOf('history/list')).toHaveLength(2);
    expect(root.querySelector('.history li')?.textContent).toContain('https://shop.example/second-showing');

    await setValue(byId<HTMLSelectElement>(root, 'history-category'), 'jammers');
    expect(double.callsOf('history/list').at(-1)).toMatchObject({ filter: { category: 'jammers' } });
    expect(byId(root, 'history-empty')).toBeTruthy();
  });
});
