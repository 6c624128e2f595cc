import browser from 'webextension-polyfill';
import { effectiveSettings, localPart, type LockedSetting } from '../shared/managed-settings';
import { settingsSchema, type Settings } from '../shared/settings';
import { SETTINGS_KEY } from '../shared/protocol/storage-keys';

let managed: Promise<unknown> | undefined;

/**
 * Policy values, or nothing where there is no policy (Firefox throws then; Chromium answers {}).
 * Read once and kept: Chromium can take seconds to answer the first read when there is no policy.
 */
export function readManaged(): Promise<unknown> {
  // Through a promise chain, so that a browser without managed storage at all also means "no policy".
  managed ??= Promise.resolve()
    .then(() => browser.storage.managed.get(null))
    .then(
      (value) => value as unknown,
      () => undefined,
    );
  return managed;
}

/** The policy changed: the next read asks the browser again. */
export function forgetManaged(): void {
  managed = undefined;
}

async function read() {
  const [stored, managed] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), readManaged()]);
  const result = effectiveSettings(stored[SETTINGS_KEY], managed);
  if (result.repaired.length > 0 && stored[SETTINGS_KEY] !== undefined) console.warn('tipline: repaired settings fields', result.repaired);
  if (result.ignored.length > 0) console.warn('tipline: ignored policy fields', result.ignored);
  return result;
}

/**
 * Effective settings: the reporter's, repaired field by field (docs/SETTINGS.md), with what the
 * organisation's policy sets on top (docs/DEPLOYMENT.md).
 */
export async function loadSettings(): Promise<Settings> {
  return (await read()).settings;
}

export async function lockedSettings(): Promise<LockedSetting[]> {
  return (await read()).locked;
}

/** Stores the reporter's settings; fields the policy locks keep their previous local value. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const parsed = settingsSchema.parse(next);
  const { local, locked } = await read();
  await browser.storage.local.set({ [SETTINGS_KEY]: localPart(parsed, local, locked) });
  return loadSettings();
}
