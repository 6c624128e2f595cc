import browser from 'webextension-polyfill';

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void> };

/**
 * Closes `storage.local` to content scripts (Chrome): only the extension's own pages and worker may
 * read or write it, so a compromised renderer cannot read the settings or change the endpoint. Chrome
 * forgets nothing here between starts, but the call is cheap and index.ts makes it at every worker
 * start, so that a profile from before it is covered too. Firefox has no `setAccessLevel`: there a
 * content process can read `storage.local`, which therefore holds no secret (docs/SECURITY.md).
 */
export function closeStorageToPages(area: AccessLevelArea = browser.storage.local as unknown as AccessLevelArea): void {
  if (typeof area.setAccessLevel !== 'function') return;
  void area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => console.warn('tipline: storage access level', error));
}
