import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

const browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { database, DB_NAME, SECRETS_MIGRATION_DUE } = await import('../../../src/store/database');
const { putReport, listReports, getReport } = await import('../../../src/store/report-store');
const { deleteExpired } = await import('../../../src/background/retention');
const { packageReport } = await import('../../../src/background/package-report');

function record(createdAt: string, change: Record<string, unknown> = {}) {
  const base = packageReport({
    draft: {
      draftId: crypto.randomUUID(),
      tabId: 1,
      category: 'bank-cards',
      note: createdAt,
      includeContact: false,
      contact: '',
      page: { url: 'https://cards.example/x', title: 't' },
      matches: [],
      partIds: [],
    },
    parts: [],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    hasEndpoint: true,
    now: new Date(createdAt),
  });
  return { ...base, ...change };
}

beforeEach(async () => {
  await freshDatabase();
});

describe('report store', () => {
  it('pages newest first by time without skipping or repeating', async () => {
    for (let i = 0; i < 60; i++) await putReport(record(new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));
    const first = await listReports({ limit: 25 });
    const second = await listReports({ limit: 25, before: first.at(-1)!.createdAt });
    const third = await listReports({ limit: 25, before: second.at(-1)!.createdAt });
    const all = [...first, ...second, ...third].map((r) => r.createdAt);
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect([...all].sort().reverse()).toEqual(all);
  });

  it('skips a corrupt record instead of failing the history', async () => {
    await putReport(record('2026-01-01T00:00:00.000Z'));
    const db = await database();
    await db.put('reports', { id: 'broken', createdAt: '2026-01-02T00:00:00.000Z', status: 'delivered' } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const list = await listReports({ limit: 10 });
    expect(list).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('retention', () => {
  it('deletes delivered reports past the period and keeps the rest', async () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const old = record('2026-01-01T00:00:00.000Z', { status: 'delivered', deliveredAt: '2026-01-02T00:00:00.000Z', receipt: 'r' });
    const recent = record('2026-05-20T00:00:00.000Z', { status: 'delivered', deliveredAt: '2026-05-21T00:00:00.000Z', receipt: 'r' });
    const pending = record('2025-01-01T00:00:00.000Z', { status: 'retry' });
    for (const r of [old, recent, pending]) await putReport(r);
    expect(await deleteExpired(90, now)).toBe(1);
    expect(await getReport(old.id)).toBeUndefined();
    expect(await getReport(recent.id)).toBeDefined();
    expect(await getReport(pending.id)).toBeDefined();
  });
});

describe('migration', () => {
  it('upgrades a version 1 database, keeping its records and filling what v2 and v3 need', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        const reports = db.createObjectStore('reports', { keyPath: 'id' });
        reports.createIndex('createdAt', 'createdAt');
        reports.createIndex('status', 'status');
        const parts = db.createObjectStore('parts', { keyPath: 'id' });
        parts.createIndex('draftId', 'draftId');
        parts.createIndex('reportId', 'reportId');
      },
    });
    const old = record('2026-01-01T00:00:00.000Z', { status: 'delivered', deliveredAt: '2026-01-01T00:00:01.000Z' }) as Record<string, unknown>;
    delete old.site;
    await v1.put('reports', old);
    v1.close();

    const db = await database();
    expect(db.version).toBe(3);
    expect([...db.transaction('reports').store.indexNames]).toContain('deliveredAt');
    // v3: the secrets' store, with their move out of storage.local marked as due.
    expect(await db.get('secrets', SECRETS_MIGRATION_DUE)).toBe(true);
    const migrated = await getReport(old.id as string);
    expect(migrated?.site).toBe('cards.example');
    expect(migrated?.status).toBe('delivered');
  });
});
