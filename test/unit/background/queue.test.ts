import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

const browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { putReport, getReport } = await import('../../../src/store/report-store');
const { drainQueue, attempt, LEASE_MS, retryWaitingNow } = await import('../../../src/background/queue');
const { packageReport } = await import('../../../src/background/package-report');

function newRecord(note = 'n') {
  return packageReport({
    draft: {
      draftId: crypto.randomUUID(),
      tabId: 1,
      category: 'jammers',
      note,
      includeContact: false,
      contact: '',
      page: { url: 'https://shop.example/jammer', title: 'GPS jammer' },
      matches: [],
      partIds: [],
    },
    parts: [],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    hasEndpoint: true,
  });
}

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return new Response(body, { status, headers });
}

describe('delivery queue', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    await freshDatabase();
    browser._storage.set('settings', { endpoint: { url: 'https://tips.example.org/reports' } });
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('delivers a queued report and keeps its receipt', async () => {
    const record = newRecord();
    await putReport(record);
    fetchMock.mockResolvedValueOnce(respond(201, '{"receipt":"R-42"}'));
    await drainQueue();
    const stored = await getReport(record.id);
    expect(stored).toMatchObject({ status: 'delivered', receipt: 'R-42', attempts: 1 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://tips.example.org/reports');
    expect(init.headers['Idempotency-Key']).toBe(record.id);
  });

  it('holds a report, without a request, while the browser withholds access to the endpoint, and sends it once granted', async () => {
    const record = newRecord();
    await putReport(record);
    browser.permissions.contains.mockResolvedValue(false);
    await drainQueue();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(browser.permissions.contains).toHaveBeenLastCalledWith({ origins: ['https://tips.example.org/*'] });
    const held = await getReport(record.id);
    expect(held).toMatchObject({ status: 'retry', lastError: 'deliveryNoAccess(tips.example.org)' });
    expect(held!.nextAttemptAt!).toBeGreaterThan(Date.now());
    browser.permissions.contains.mockResolvedValue(true);
    fetchMock.mockResolvedValueOnce(respond(201, '{"receipt":"R-7"}'));
    await retryWaitingNow();
    expect(await getReport(record.id)).toMatchObject({ status: 'delivered', receipt: 'R-7' });
  });

  it('schedules a retry after a 503, honouring Retry-After', async () => {
    const record = newRecord();
    await putReport(record);
    fetchMock.mockResolvedValueOnce(respond(503, 'busy', { 'Retry-After': '120' }));
    const before = Date.now();
    await drainQueue();
    const stored = await getReport(record.id);
    expect(stored?.status).toBe('retry');
    expect(stored!.nextAttemptAt! - before).toBeGreaterThanOrEqual(120_000);
    expect(browser._alarms.get('tipline-queue')).toBeDefined();
  });

  it('marks a 400 rejected with the server message and does not retry it', async () => {
    const record = newRecord();
    await putReport(record);
    fetchMock.mockResolvedValueOnce(respond(400, '{"error":"category not accepted"}'));
    await drainQueue();
    await drainQueue();
    expect(await getReport(record.id)).toMatchObject({ status: 'rejected', lastError: 'category not accepted' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('treats a 2xx HTML page as not delivered', async () => {
    const record = newRecord();
    await putReport(record);
    fetchMock.mockResolvedValueOnce(respond(200, '<html>Welcome to the hotel Wi-Fi</html>'));
    await drainQueue();
    expect((await getReport(record.id))?.status).toBe('retry');
  });

  it('never sends one report twice at once', async () => {
    const record = newRecord();
    await putReport(record);
    let release!: () => void;
    fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (release = () => resolve(respond(201, '{"receipt":"R"}')))));
    const first = attempt(record.id);
    const second = attempt(record.id);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await second;
    release();
    await first;
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((await getReport(record.id))?.status).toBe('delivered');
  });

  it('takes over a send whose worker died once its lease has lapsed', async () => {
    const record = { ...newRecord(), status: 'sending' as const, leaseUntil: Date.now() - 1, attempts: 1 };
    await putReport(record);
    fetchMock.mockResolvedValueOnce(respond(201, '{"receipt":"R-after-crash"}'));
    await drainQueue();
    expect(await getReport(record.id)).toMatchObject({ status: 'delivered', receipt: 'R-after-crash', attempts: 2 });
    // A lease held by another (dead) worker instance is taken over at once, even before it lapses.
    const orphan = { ...newRecord(), status: 'sending' as const, leaseUntil: Date.now() + LEASE_MS, leaseOwner: 'a-worker-that-was-stopped' };
    await putReport(orphan);
    fetchMock.mockResolvedValueOnce(respond(201, '{"receipt":"R-orphan"}'));
    await drainQueue();
    expect(await getReport(orphan.id)).toMatchObject({ status: 'delivered', receipt: 'R-orphan' });
  });

  it('does not take over at once a send that has ended with its worker again and again', async () => {
    // Five sends, each cut off with its worker (a report that makes the worker crash): the sixth waits.
    const started = Date.now() - 1_000;
    const crashing = { ...newRecord(), status: 'sending' as const, leaseUntil: started + LEASE_MS, leaseOwner: 'a-worker-that-crashed', attempts: 5 };
    await putReport(crashing);
    fetchMock.mockResolvedValue(respond(201, '{"receipt":"R"}'));
    await drainQueue();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await getReport(crashing.id)).toMatchObject({ status: 'sending', attempts: 5 });
    // Once its lease lapses it goes out.
    await putReport({ ...crashing, leaseUntil: Date.now() - 1 });
    await drainQueue();
    expect(await getReport(crashing.id)).toMatchObject({ status: 'delivered', attempts: 6 });
  });

  it('does not let a failing report hold up the others', async () => {
    const failing = newRecord('failing');
    const fine = newRecord('fine');
    await putReport(failing);
    await putReport(fine);
    fetchMock.mockImplementation(async (_url: string, init: { body: FormData }) => {
      const report = JSON.parse(await (init.body.get('report') as Blob).text());
      return report.note === 'failing' ? respond(500, 'boom') : respond(201, '{"receipt":"ok"}');
    });
    await drainQueue();
    expect((await getReport(failing.id))?.status).toBe('retry');
    expect((await getReport(fine.id))?.status).toBe('delivered');
  });

  it('goes on with the other reports, and still sets its wake, when an attempt throws', async () => {
    const first = newRecord('first');
    const second = newRecord('second');
    await putReport(first);
    await putReport(second);
    // The settings read of the first attempt fails (storage refused it); the second goes through.
    browser.storage.local.get.mockRejectedValueOnce(new Error('storage unavailable'));
    fetchMock.mockResolvedValue(respond(201, '{"receipt":"ok"}'));
    browser.alarms.create.mockClear();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await drainQueue();
    warn.mockRestore();
    const statuses = [(await getReport(first.id))?.status, (await getReport(second.id))?.status].sort();
    // One was delivered; the other is still in line (its lease lapses and it is sent at the next wake).
    expect(statuses).toEqual(['delivered', 'sending']);
    expect(browser.alarms.create).toHaveBeenCalled();
  });

  it('keeps reports locally when the endpoint was removed', async () => {
    browser._storage.set('settings', { endpoint: null });
    const record = newRecord();
    await putReport(record);
    await drainQueue();
    expect((await getReport(record.id))?.status).toBe('local');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
