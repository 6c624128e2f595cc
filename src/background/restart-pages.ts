import browser from 'webextension-polyfill';

/** Asks every tab's content script to start its scan again (as after a settings change). */
export async function restartPages(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, { type: 'content/settings-changed' }).catch(() => undefined);
  }
}
