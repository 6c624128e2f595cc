import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

/*
 * docs/PRIVACY.md, "Child sexual abuse material": a capture is handed back to the form, never stored
 * before the form asks with a category that allows evidence (`draft/keep`); once a draft's evidence is
 * discarded (the child-sexual-abuse category was chosen), a keep still under way is deleted as it
 * lands, and a prepared draft keeps nothing from the page in session storage.
 */

const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const session = new Map<string, unknown>();
let releaseShot: () => void = () => undefined;
const browser = {
  ...fakeBrowser(),
  tabs: {
    get: vi.fn(async (id: number) => ({ id, url: 'https://market.example/item', active: true, windowId: 1 })),
    captureVisibleTab: vi.fn(() => new Promise<string>((resolve) => (releaseShot = () => resolve(PNG_DATA_URL)))),
  },
};
Object.assign(browser.storage, {
  session: {
    get: vi.fn(async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
    }),
    remove: vi.fn(async (key: string) => void session.delete(key)),
  },
});
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { database } = await import('../../../src/store/database');
const { handleUiMessage } = await import('../../../src/background/ui-handlers');

const DRAFT = '7d4f4c1e-3f7a-4c55-9d43-2a8a8d1f5b60';
const allParts = async () => (await database()).getAll('parts');

beforeEach(async () => {
  await freshDatabase();
  session.clear();
});

const { saveDraft } = await import('../../../src/background/draft-store');
const { holdCapture } = await import('../../../src/background/held-evidence');
const held = (bytes = [0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) => holdCapture(new Uint8Array(bytes), { mediaType: 'image/png', variant: 'visible' }, 1_700_000_000_000);

describe('a capture', () => {
  it('is handed back to the form with its bytes, hash and time, and not stored', async () => {
    const capture = handleUiMessage({ type: 'capture/visible', tabId: 3 });
    await vi.waitFor(() => expect(browser.tabs.captureVisibleTab).toHaveBeenCalled());
    releaseShot();
    const reply = (await capture) as { partId: string; data: string; bytes: number; sha256: string; capturedAt: number };
    expect(reply.data).toBe(PNG_DATA_URL.split(',')[1]);
    expect(reply.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reply.capturedAt).toBeLessThanOrEqual(Date.now());
    expect(await allParts()).toEqual([]);
  });
});

describe('keeping what the form held', () => {
  it('stores it under the id the form shows and the time it was taken, once', async () => {
    const part = await held();
    await expect(handleUiMessage({ type: 'draft/keep', draftId: DRAFT, category: 'jammers', parts: [part] })).resolves.toEqual([{ partId: part.partId, bytes: 7, sha256: part.sha256 }]);
    // Asked again (a retry): the same part, not a second one.
    await handleUiMessage({ type: 'draft/keep', draftId: DRAFT, category: 'jammers', parts: [part] });
    const stored = await allParts();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: part.partId, draftId: DRAFT, name: 'screenshot', variant: 'visible', createdAt: 1_700_000_000_000 });
  });

  it('is refused for child sexual abuse, and for bytes that are not the ones hashed', async () => {
    const part = await held();
    await expect(handleUiMessage({ type: 'draft/keep', draftId: DRAFT, category: 'child-sexual-abuse', parts: [part] })).rejects.toThrow('error_capture_discarded');
    const other = await held([1, 2, 3]);
    await expect(handleUiMessage({ type: 'draft/keep', draftId: DRAFT, category: 'jammers', parts: [{ ...part, data: other.data, bytes: 3 }] })).rejects.toThrow('error_capture_failed');
    expect(await allParts()).toEqual([]);
  });

  it('is deleted as it lands when the evidence is discarded meanwhile, and the form is told why', async () => {
    const part = await held();
    const keeping = handleUiMessage({ type: 'draft/keep', draftId: DRAFT, category: 'jammers', parts: [part] });
    await handleUiMessage({ type: 'draft/discard', draftId: DRAFT });
    await expect(keeping).rejects.toThrow('error_capture_discarded');
    expect(await allParts()).toEqual([]);
  });
});

describe('a prepared right-click draft', () => {
  it('keeps nothing from the page in session storage, hands it to its window once, and is URL-only once discarded', async () => {
    const part = await held();
    const draft = { draftId: DRAFT, tabId: 3, listing: { text: 'listing text from the page', imageUrl: 'https://cdn.example/a.jpg' }, matches: [{ phrase: 'x', category: 'other' as const, count: 1 }], parts: [part] };
    await saveDraft(draft);
    expect(JSON.stringify([...session.values()])).not.toMatch(/listing text|cdn\.example|"x"|iVBOR/);
    expect(await handleUiMessage({ type: 'draft/get', draftId: DRAFT })).toEqual(draft);
    // Taken once: a reloaded window is told the listing is no longer held.
    expect(await handleUiMessage({ type: 'draft/get', draftId: DRAFT })).toEqual({ draftId: DRAFT, tabId: 3, matches: [], parts: [], error: 'error_draft_gone' });

    await saveDraft(draft);
    await handleUiMessage({ type: 'draft/discard', draftId: DRAFT });
    expect(await handleUiMessage({ type: 'draft/get', draftId: DRAFT })).toEqual({ draftId: DRAFT, tabId: 3, matches: [], parts: [], urlOnly: true });
  });
});
