import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { freshDatabase } from './fresh-database';

/*
 * docs/PRIVACY.md, "Child sexual abuse material": once a draft's evidence is discarded (the
 * child-sexual-abuse category was chosen), a capture that was still under way is deleted as it
 * lands, not kept under a draft nobody discards.
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

describe('a capture under way when the evidence is discarded', () => {
  it('is deleted as it lands, and the form is told why', async () => {
    const capture = handleUiMessage({ type: 'capture/visible', tabId: 3, draftId: DRAFT });
    await vi.waitFor(() => expect(browser.tabs.captureVisibleTab).toHaveBeenCalled());
    await handleUiMessage({ type: 'draft/discard', draftId: DRAFT });
    releaseShot();
    await expect(capture).rejects.toThrow('error_capture_discarded');
    expect(await allParts()).toEqual([]);
  });

  it('does not touch a capture taken after the discard (the reporter chose another category)', async () => {
    await handleUiMessage({ type: 'draft/discard', draftId: DRAFT });
    const capture = handleUiMessage({ type: 'capture/visible', tabId: 3, draftId: DRAFT });
    await vi.waitFor(() => expect(browser.tabs.captureVisibleTab).toHaveBeenCalledTimes(2));
    releaseShot();
    await expect(capture).resolves.toMatchObject({ bytes: expect.any(Number) });
    expect(await allParts()).toHaveLength(1);
  });

  it('strips a prepared right-click draft of its listing text and parts when its evidence is discarded', async () => {
    session.set(`draft:${DRAFT}`, {
      draftId: DRAFT,
      tabId: 3,
      listing: { text: 'listing text from the page' },
      matches: [{ phrase: 'x', category: 'other', count: 1 }],
      parts: [],
    });
    await handleUiMessage({ type: 'draft/discard', draftId: DRAFT });
    expect(await handleUiMessage({ type: 'draft/get', draftId: DRAFT })).toEqual({ draftId: DRAFT, tabId: 3, matches: [], parts: [] });
  });
});
