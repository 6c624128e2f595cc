import browser from 'webextension-polyfill';
import type { ClearedData } from '../shared/protocol/ui-replies';
import { clearAll } from '../store/report-store';
import { clearSecrets } from '../store/secret-store';
import { dropHeldDrafts } from './draft-store';

/**
 * *Delete all local data*: every report and part (IndexedDB), everything in storage.local (settings,
 * phrase lists, the prefilter cache, pending start-up work), the drafts in storage.session and the
 * secrets (the endpoint token and the contact, store/secret-store.ts, and the policy as last read,
 * store/policy-store.ts). What the organisation's policy sets stays in force: the browser still has it,
 * and the next start keeps it again. Returns what it deleted.
 */
export async function deleteAllLocalData(): Promise<ClearedData> {
  const { reports, parts } = await clearAll();
  const secrets = await clearSecrets();
  const session = browser.storage.session as typeof browser.storage.session | undefined;
  const drafts = session ? Object.keys(await session.get(null)).filter((key) => key.startsWith('draft:')).length : 0;
  await session?.clear();
  dropHeldDrafts();
  const storedItems = Object.keys(await browser.storage.local.get(null)).length;
  // Last: the settings change that this makes restarts the pages' scans (scan-inputs.ts) with defaults.
  await browser.storage.local.clear();
  return { reports, parts, drafts, storedItems, secrets };
}
