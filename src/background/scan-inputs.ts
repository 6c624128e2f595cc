import { forgetMatcher } from './matcher-cache';
import { restartPages } from './restart-pages';
import { readManaged } from './settings-store';
import { onLocalSettingsChange, onPolicyChange, type StorageChanges } from './settings-changes';
import { forgetPolicy, rememberPolicy } from './scan-policy';

/** Whether a stored value really changed (a write of the same value does not restart the pages). */
function changed(changes: StorageChanges): boolean {
  return Object.values(changes).some((change) => JSON.stringify(change.oldValue) !== JSON.stringify(change.newValue));
}

/**
 * Reads the policy, and drops the scan's matcher when what it is built from changes (the settings, the
 * lists, the policy); the next request builds it again. Then it asks every tab to start its scan again:
 * content scripts read no storage (storage.local is closed to them, background/page-access.ts) and
 * learn of a change only from the worker.
 */
export function watchBlockScanInputs(): void {
  const remember = (value: unknown) => {
    const restart = rememberPolicy(value);
    forgetMatcher();
    if (restart) void restartPages();
  };
  void readManaged().then(remember);
  onLocalSettingsChange((changes) => {
    forgetMatcher();
    if (changed(changes)) void restartPages();
  });
  onPolicyChange(() => {
    forgetPolicy();
    forgetMatcher();
    // After this change's other subscribers, one of which (index.ts) makes `readManaged` ask the
    // browser again.
    // Every policy change restarts the pages, once it is read, not only one that changes the fingerprint.
    const reread = (value: unknown) => {
      rememberPolicy(value);
      forgetMatcher();
      void restartPages();
    };
    setTimeout(() => void readManaged().then(reread), 0);
  });
}
