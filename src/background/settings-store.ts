import browser from 'webextension-polyfill';
import { repairSettings, SETTINGS_KEY, settingsSchema, type Settings } from '../shared/settings';

/** Reads settings, repairing a bad stored value field by field instead of failing (DESIGN.md §5). */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings, repaired } = repairSettings(stored[SETTINGS_KEY]);
  if (repaired.length > 0 && stored[SETTINGS_KEY] !== undefined) {
    console.warn('tipline: repaired settings fields', repaired);
  }
  return settings;
}

export async function saveSettings(next: Settings): Promise<Settings> {
  const settings = settingsSchema.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}
