import browser from 'webextension-polyfill';
import { MENU_ID } from './report-listing';

/** Menu items persist across worker restarts; they are (re)made on install and update only. */
export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: browser.i18n.getMessage('menuReportListing'),
      contexts: ['page', 'link', 'image', 'selection'],
    }),
  ).catch((error: unknown) => console.warn('tipline: context menu', error));
}
