import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

const browser = fakeBrowser();
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { savePart, getPart, discardDraftParts, partsOfDraft } = await import('../../../src/store/part-store');
const { submitDraft } = await import('../../../src/background/submit-report');
const { getReport } = await import('../../../src/store/report-store');
const { drainQueue } = await import('../../../src/background/queue');

/*
 * A report's evidence parts once it is stored: a draft id used again (a report window reloaded after
 * a submit) must not take or delete them, and a part that is gone anyway is named, not declared.
 */

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

function draft(draftId: string, partIds: string[], note = 'n') {
  return {
    draftId,
    tabId: 1,
    category: 'jammers' as const,
    note,
    includeContact: false,
    contact: '',
    page: { url: 'https://shop.example/jammer', title: 'GPS jammer' },
    matches: [],
    partIds,
  };
}

const shot = (draftId: string) => savePart({ draftId, name: 'screenshot', mediaType: 'image/png', data: PNG, variant: 'visible' });

beforeEach(async () => {
  await freshDatabase();
  browser._storage.clear();
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/150.0.0.0' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a draft id used for a second report', () => {
  it('leaves the first report’s evidence alone: not taken, not discarded', async () => {
    const first = await shot('X');
    const report = await submitDraft(draft('X', [first.id], 'first'));
    expect(report.partIds).toEqual([first.id]);
    // The same window, reloaded: a new shot, then the reporter discards it (or picks a category without evidence).
    const second = await shot('X');
    expect((await partsOfDraft('X')).map((part) => part.id)).toEqual([second.id]);
    expect(await discardDraftParts('X')).toBe(1);
    expect(await getPart(second.id)).toBeUndefined();
    expect((await getPart(first.id))?.reportId).toBe(report.id);
    // A second report from the same draft id cannot take the first one's part: it is not this draft's to give.
    await expect(submitDraft(draft('X', [first.id], 'second'))).rejects.toThrow('error_evidence_gone');
    expect((await getPart(first.id))?.reportId).toBe(report.id);
  });
});

describe('evidence that is gone before the report is stored', () => {
  it('stops the submit with a message saying so, rather than storing the report without it', async () => {
    const part = await shot('W');
    const { deleteParts } = await import('../../../src/store/part-store');
    await deleteParts([part.id]);
    await expect(submitDraft(draft('W', [part.id]))).rejects.toThrow('error_evidence_gone');
  });
});

describe('evidence that is gone when the report is sent', () => {
  it('is taken out of the report and named, and the report is delivered without it', async () => {
    browser._storage.set('settings', { endpoint: { url: 'https://tips.example.org/reports' } });
    const fetchMock = vi.fn(async () => new Response('{"receipt":"R-7"}', { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const part = await shot('Y');
    // Stored, but not sent yet (the endpoint is set just after).
    browser._storage.set('settings', {});
    const record = await submitDraft(draft('Y', [part.id]));
    expect(record.report.evidence).toHaveLength(1);
    const { deleteParts } = await import('../../../src/store/part-store');
    await deleteParts([part.id]);
    browser._storage.set('settings', { endpoint: { url: 'https://tips.example.org/reports' } });
    const { requeue } = await import('../../../src/background/queue');
    await requeue(record.id);
    await drainQueue();
    const stored = await getReport(record.id);
    expect(stored).toMatchObject({ status: 'delivered', receipt: 'R-7', droppedParts: ['screenshot'], partIds: [] });
    expect(stored?.report.evidence).toEqual([]);
    const body = (fetchMock.mock.calls[0] as unknown as [string, { body: FormData }])[1].body;
    expect(JSON.parse(await (body.get('report') as Blob).text()).evidence).toEqual([]);
    expect(body.get('screenshot')).toBeNull();
  });
});

describe('reports kept locally for want of an endpoint', () => {
  it('go out once a policy sets one', async () => {
    const record = await submitDraft(draft('Z', [], 'kept locally'));
    expect(record.status).toBe('local');
    const fetchMock = vi.fn(async () => new Response('{"receipt":"R-9"}', { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const { forgetManaged } = await import('../../../src/background/settings-store');
    const { sendLocalIfEndpoint } = await import('../../../src/background/ui-handlers');
    (browser.storage as unknown as { managed: unknown }).managed = { get: async () => ({ endpointUrl: 'https://tips.example.org/reports' }) };
    forgetManaged();
    try {
      await sendLocalIfEndpoint();
      await vi.waitFor(async () => expect((await getReport(record.id))?.status).toBe('delivered'));
      expect(fetchMock).toHaveBeenCalledTimes(1);
    } finally {
      delete (browser.storage as unknown as { managed?: unknown }).managed;
      forgetManaged();
    }
  });
});
