import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { MENU_ID, reportListing, reportUrlOnly, URL_ONLY_MENU_ID } from './report-listing';

/**
 * Menu items persist across worker restarts; they are (re)made on install and update only. A browser
 * without context menus (Firefox for Android) gets none: the form's "Pick a listing" does their work.
 */
export function createContextMenu(): void {
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (!menus) return;
  const contexts: Menus.ContextType[] = ['page', 'link', 'image', 'selection'];
  menus
    .removeAll()
    .then(() => {
      menus.create({ id: MENU_ID, title: browser.i18n.getMessage('menuReportListing'), contexts });
      menus.create({ id: URL_ONLY_MENU_ID, title: browser.i18n.getMessage('menuReportUrlOnly'), contexts });
    })
    .catch((error: unknown) => console.warn('tipline: context menu', error));
}

/** A click on one of the menu's items: the listing under it, or the page's address alone. */
export function menuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<unknown> {
  if (!tab) return Promise.resolve(null);
  if (info.menuItemId === MENU_ID) return reportListing(tab, info);
  if (info.menuItemId === URL_ONLY_MENU_ID) return reportUrlOnly(tab);
  return Promise.resolve(null);
}
