import browser from 'webextension-polyfill';
import { MENU_ID } from './report-listing';

/**
 * Menu items persist across worker restarts; they are (re)made on install and update only. A browser
 * without context menus (Firefox for Android) gets none: the form's "Pick a listing" does their work.
 */
export function createContextMenu(): void {
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (!menus) return;
  menus.removeAll().then(() =>
    menus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('menuReportListing'),
      contexts: ['page', 'link', 'image', 'selection'],
    }),
  ).catch((error: unknown) => console.warn('tipline: context menu', error));
}
