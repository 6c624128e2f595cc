import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

/*
 * The endpoint token and the reporter's contact live in the worker's IndexedDB (src/store/secret-store.ts),
 * not in storage.local, which Firefox's content processes can read; the settings the extension sees
 * still carry them (src/background/settings-store.ts).
 */

const browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { DB_NAME } = await import('../../../src/store/database');
const { loadSettings, saveSettings } = await import('../../../src/background/settings-store');
const { readSecrets } = await import('../../../src/store/secret-store');

const URL_A = 'https://tips.example.org/reports';

beforeEach(async () => {
  await freshDatabase();
  browser._storage.clear();
});

describe('secrets out of storage.local', () => {
  it('saves the token and the contact to the database, the rest to storage.local, and reads them back joined', async () => {
    const settings = await loadSettings();
    const saved = await saveSettings({ ...settings, endpoint: { url: URL_A, token: 's3cret' }, privacy: { ...settings.privacy, contact: 'me@example.org' } });
    expect(saved.endpoint).toEqual({ url: URL_A, token: 's3cret' });
    expect(saved.privacy.contact).toBe('me@example.org');
    const stored = JSON.stringify(browser._storage.get('settings'));
    expect(stored).toContain(URL_A);
    expect(stored).not.toContain('s3cret');
    expect(stored).not.toContain('me@example.org');
    expect(await readSecrets()).toEqual({ endpointToken: 's3cret', endpointUrl: URL_A, contact: 'me@example.org' });
  });

  it('gives the token only to the endpoint it was saved with', async () => {
    const settings = await loadSettings();
    await saveSettings({ ...settings, endpoint: { url: URL_A, token: 's3cret' } });
    // storage.local changed behind the worker's back (a Firefox content process could do this).
    browser._storage.set('settings', { ...(browser._storage.get('settings') as object), endpoint: { url: 'https://evil.example/r' } });
    expect((await loadSettings()).endpoint).toEqual({ url: 'https://evil.example/r' });
  });

  it('moves the old fields once, on the first read after the upgrade, and then ignores them in storage.local', async () => {
    // A profile from before: version 2 database, secrets in storage.local.
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('createdAt', 'createdAt');
        reports.createIndex('status', 'status');
        reports.createIndex('deliveredAt', 'deliveredAt');
        const parts = db.createObjectStore('parts', { keyPath: 'id' });
        parts.createIndex('draftId', 'draftId');
        parts.createIndex('reportId', 'reportId');
      },
    });
    v2.close();
    browser._storage.set('settings', { version: 1, endpoint: { url: URL_A, token: 'old-token' }, privacy: { contact: 'old@example.org', anonymous: true } });
    const settings = await loadSettings();
    expect(settings.endpoint).toEqual({ url: URL_A, token: 'old-token' });
    expect(settings.privacy.contact).toBe('old@example.org');
    expect(browser._storage.get('settings')).toEqual({ version: 1, endpoint: { url: URL_A }, privacy: { anonymous: true } });
    // Written to storage.local afterwards (by a content process in Firefox): not taken.
    browser._storage.set('settings', { version: 1, endpoint: { url: URL_A, token: 'planted' }, privacy: { contact: 'planted' } });
    const later = await loadSettings();
    expect(later.endpoint).toEqual({ url: URL_A, token: 'old-token' });
    expect(later.privacy.contact).toBe('old@example.org');
  });
});

describe('delete all local data', () => {
  it('deletes the reports, every key of storage.local, the drafts and the secrets, and counts them', async () => {
    const session = new Map<string, unknown>([['draft:1', {}], ['draft:2', {}], ['pick:3', 1]]);
    const local = browser.storage.local as typeof browser.storage.local & { clear?: () => Promise<void> };
    Object.assign(local, {
      get: vi.fn(async (key: string | null) => (key === null ? Object.fromEntries(browser._storage) : browser._storage.has(key) ? { [key]: browser._storage.get(key) } : {})),
      clear: vi.fn(async () => browser._storage.clear()),
    });
    Object.assign(browser.storage, {
      session: { get: vi.fn(async () => Object.fromEntries(session)), clear: vi.fn(async () => session.clear()) },
    });
    const { deleteAllLocalData } = await import('../../../src/background/clear-data');
    const settings = await loadSettings();
    await saveSettings({ ...settings, endpoint: { url: URL_A, token: 's3cret' }, privacy: { ...settings.privacy, contact: 'me@example.org' } });
    browser._storage.set('phraseLists', {});
    browser._storage.set('prefilterCache', {});
    const deleted = await deleteAllLocalData();
    expect(deleted).toEqual({ reports: 0, parts: 0, drafts: 2, storedItems: 3, secrets: 2 });
    expect(browser._storage.size).toBe(0);
    expect(session.size).toBe(0);
    expect(await readSecrets()).toEqual({});
    const after = await loadSettings();
    expect(after.endpoint).toBeNull();
    expect(after.privacy.contact).toBe('');
  });
});
