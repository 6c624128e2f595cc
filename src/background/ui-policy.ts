import { parseManaged, policyJson } from '../shared/managed-settings';
import { keepPolicy, readKeptPolicy, type KeptPolicy } from '../store/policy-store';
import { managedIfRead, readManaged, settingsUnder } from './settings-store';

/*
 * The policy the extension's pages are shown under. Right after a browser start Chromium takes seconds
 * to answer the first `storage.managed` read (README, Performance), so the options page and the report
 * form are answered under the policy this worker's predecessor last read, kept in the database
 * (store/policy-store.ts), or at once under none when none is kept (a first start) and the browser has
 * not answered yet: a page waits for no timer. What acts on the settings (saving, delivering, lists) waits for the browser's
 * own policy (settings-store.ts `loadSettings`); when that turns out to differ from the kept one,
 * index.ts treats it as a policy change, and an open options page shows it (`settings/policy-ready`).
 */

let kept: Promise<KeptPolicy | undefined> | undefined;

/** The kept policy, read once per worker (a missing or unreadable one is none). */
function keptPolicy(): Promise<KeptPolicy | undefined> {
  // A context with no IndexedDB at all (a unit test of another part) keeps none.
  if (typeof indexedDB === 'undefined') return Promise.resolve(undefined);
  kept ??= readKeptPolicy().catch((error: unknown) => {
    console.warn('tipline: kept policy', error);
    return undefined;
  });
  return kept;
}

/** The browser's policy if this worker has read it; else the kept one; else none. */
export function policyForUi(): Promise<unknown> {
  const live = readManaged();
  const known = managedIfRead();
  if (known) return Promise.resolve(known.value);
  return Promise.race([live, keptPolicy().then((stored) => stored?.value)]);
}

/** Settings and locked fields for a page to show, without waiting seconds for the browser's policy. */
export function settingsForUi(): ReturnType<typeof settingsUnder> {
  return settingsUnder(policyForUi());
}

/** Settings and locked fields under the browser's own policy, once it has answered. */
export function settingsUnderLivePolicy(): ReturnType<typeof settingsUnder> {
  return settingsUnder(readManaged());
}

/** The policy's fields whose valid values differ between two raw policies. */
function changedFields(before: unknown, after: unknown): string[] {
  const a: Record<string, unknown> = parseManaged(before).managed;
  const b: Record<string, unknown> = parseManaged(after).managed;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * Reads the browser's policy and keeps it for the next start if it differs from the kept one. Returns
 * the fields that differ from a kept policy (which pages may have been shown), or none when there was
 * no kept policy yet or it was the same.
 */
export async function keepLivePolicy(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  const [live, stored] = await Promise.all([readManaged(), keptPolicy()]);
  if (stored && policyJson(stored.value) === policyJson(live)) return [];
  await keepPolicy(live);
  kept = Promise.resolve({ value: live });
  return stored ? changedFields(stored.value, live) : [];
}
