import { forgetMatcher } from './matcher-cache';
import { restartPages } from './restart-pages';
import { readManaged } from './settings-store';
import { onLocalSettingsChange, onPolicyChange } from './settings-changes';
import { forgetPolicy, rememberPolicy } from './scan-policy';

/**
 * Reads the policy, and drops the scan's matcher when what it is built from changes (the settings, the
 * lists, the policy); the next request builds it again.
 */
export function watchBlockScanInputs(): void {
  const remember = (value: unknown) => {
    const restart = rememberPolicy(value);
    forgetMatcher();
    if (restart) void restartPages();
  };
  void readManaged().then(remember);
  onLocalSettingsChange(() => forgetMatcher());
  onPolicyChange(() => {
    forgetPolicy();
    forgetMatcher();
    // After this change's other subscribers, one of which (index.ts) makes `readManaged` ask the
    // browser again.
    setTimeout(() => void readManaged().then(remember), 0);
  });
}
