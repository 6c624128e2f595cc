import browser, { type Tabs } from 'webextension-polyfill';
import { openFormTab } from './report-listing';

/*
 * The toolbar button where the browser has no `windows` API (Firefox for Android): no popup as on a
 * desktop, and no window for the right-click form either, so the button opens the form in a tab of its
 * own next to the page (`popup/index.html?tab=<id>`, the form's contract in docs/ARCHITECTURE.md).
 */

/** True where the browser has the `windows` API; webextension-polyfill gives undefined for a missing namespace. */
export function hasWindows(): boolean {
  return (browser.windows as typeof browser.windows | undefined) !== undefined;
}

/** Run at every start of the worker: the popup set by the manifest is taken off where it cannot work. */
export function formInTabWithoutWindows(): void {
  if (hasWindows()) return;
  void browser.action.setPopup({ popup: '' }).catch((error: unknown) => console.warn('tipline: toolbar popup', error));
}

/** `action.onClicked`, which fires only while the button has no popup. */
export function openFormFromToolbar(tab: Tabs.Tab): void {
  if (tab.id === undefined) return;
  void openFormTab(tab.id).catch((error: unknown) => console.warn('tipline: report form tab', error));
}
