import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';
import { startLocalTsa, type LocalTsa } from '../../support/local-tsa';

const browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { putReport, getReport, updateReport } = await import('../../../src/store/report-store');
const { attempt } = await import('../../../src/background/queue');
const { packageReport } = await import('../../../src/background/package-report');

const ENDPOINT = 'https://tips.example.org/reports';
const realFetch = globalThis.fetch;

function newRecord(category: 'jammers' | 'child-sexual-abuse' = 'jammers') {
  return packageReport({
    draft: { draftId: crypto.randomUUID(), tabId: 1, category, note: 'n', includeContact: false, contact: '', page: { url: 'https://shop.example/x', title: 'x' }, matches: [], partIds: [] },
    parts: [],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    hasEndpoint: true,
  });
}

interface Post {
  report: Uint8Array;
  timestamp: Uint8Array | null;
  timestampType: string | null;
}

let tsa: LocalTsa;
let garbage: LocalTsa;
let posts: Post[];
let answers: Response[];

beforeAll(async () => {
  [tsa, garbage] = await Promise.all([startLocalTsa(), startLocalTsa('garbage')]);
});
afterAll(async () => {
  await Promise.all([tsa.close(), garbage.close()]);
});

beforeEach(async () => {
  await freshDatabase();
  posts = [];
  answers = [];
  // The TSA is real (openssl ts -reply on 127.0.0.1); the endpoint records what it is sent.
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    if (url !== ENDPOINT) return realFetch(url, init);
    const form = init.body as FormData;
    const stamp = form.get('timestamp') as File | null;
    posts.push({
      report: new Uint8Array(await (form.get('report') as File).arrayBuffer()),
      timestamp: stamp ? new Uint8Array(await stamp.arrayBuffer()) : null,
      timestampType: stamp?.type ?? null,
    });
    return answers.shift() ?? new Response('{"receipt":"R"}', { status: 201 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function useTsa(url: string | null) {
  browser._storage.set('settings', { endpoint: { url: ENDPOINT }, timestampUrl: url });
}

describe('delivery with a trusted timestamp', () => {
  it('asks the TSA once, before the first send, and every retry sends the same bytes', async () => {
    useTsa(tsa.url);
    const record = newRecord();
    await putReport(record);
    const asked = tsa.requests.length;
    answers.push(new Response('busy', { status: 503 }));
    await attempt(record.id);
    expect((await getReport(record.id))?.status).toBe('retry');
    await updateReport(record.id, (current) => ({ ...current, nextAttemptAt: Date.now() }));
    await attempt(record.id);
    expect(await getReport(record.id)).toMatchObject({ status: 'delivered', timestamp: { state: 'stamped', tsaUrl: tsa.url } });
    expect(tsa.requests.length - asked).toBe(1);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.timestamp).not.toBeNull();
    expect(posts[0]!.timestampType).toBe('application/timestamp-reply');
    expect(Buffer.from(posts[1]!.timestamp!).equals(Buffer.from(posts[0]!.timestamp!))).toBe(true);
    expect(Buffer.from(posts[1]!.report).equals(Buffer.from(posts[0]!.report))).toBe(true);
    // report.json does not name it: it is made after it.
    expect(new TextDecoder().decode(posts[0]!.report)).not.toContain('timestamp');
  });

  it('stamps a child-sexual-abuse report too, which has no other part', async () => {
    useTsa(tsa.url);
    const record = newRecord('child-sexual-abuse');
    await putReport(record);
    await attempt(record.id);
    expect(posts[0]!.timestamp).not.toBeNull();
    expect((await getReport(record.id))?.timestamp?.state).toBe('stamped');
  });

  it('sends the report without one when the TSA answers garbage, and says so', async () => {
    useTsa(garbage.url);
    const record = newRecord();
    await putReport(record);
    await attempt(record.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.timestamp).toBeNull();
    expect(await getReport(record.id)).toMatchObject({ status: 'delivered', timestamp: { state: 'none', problem: 'refused' } });
  });

  it('never stamps a report after its first send, even once a TSA is set', async () => {
    useTsa(null);
    const record = newRecord();
    await putReport(record);
    answers.push(new Response('busy', { status: 503 }));
    await attempt(record.id);
    useTsa(tsa.url);
    await updateReport(record.id, (current) => ({ ...current, nextAttemptAt: Date.now() }));
    const asked = tsa.requests.length;
    await attempt(record.id);
    expect(tsa.requests.length).toBe(asked);
    expect(posts.map((post) => post.timestamp)).toEqual([null, null]);
    expect(await getReport(record.id)).toMatchObject({ status: 'delivered', timestamp: { state: 'off' } });
  });
});
