import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';

const sendMessage = vi.fn();
let settings: Settings = defaultSettings();
vi.mock('webextension-polyfill', () => ({ default: { tabs: { sendMessage } } }));
vi.mock('../../../src/background/inject-scanner', () => ({ ensureScanner: async () => undefined }));
vi.mock('../../../src/background/settings-store', () => ({ loadSettings: async () => settings }));
// The inlining has its own tests (snapshot-inline.test.ts); here it hands the copy back as it is.
vi.mock('../../../src/background/snapshot-inline', () => ({ inlineSnapshot: async (draft: { html: string }) => ({ html: draft.html }) }));
const { captureSnapshot: takeSnapshot } = await import('../../../src/background/snapshot');

const DRAFT = { html: '<!doctype html><p>copy</p>', nonce: '0123456789abcdef0123456789abcdef', pageUrl: 'https://seller.example/', resources: [] };
const saveAsMHTML = vi.fn(async () => new Blob(['MIME-Version: 1.0']));
const mhtml = (on: boolean): Settings => ({ ...defaultSettings(), privacy: { ...defaultSettings().privacy, snapshotFormat: on ? 'mhtml' : 'html' } });

afterEach(() => {
  vi.clearAllMocks();
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('takeSnapshot', () => {
  it('makes the inert HTML copy by default, even where pageCapture was granted', async () => {
    (globalThis as { chrome?: unknown }).chrome = { pageCapture: { saveAsMHTML } };
    settings = mhtml(false);
    sendMessage.mockResolvedValue({ ok: true, data: DRAFT });
    const snapshot = await takeSnapshot(7);
    expect(saveAsMHTML).not.toHaveBeenCalled();
    expect(snapshot.mediaType).toBe('text/html');
    expect(new TextDecoder().decode(snapshot.data)).toBe(DRAFT.html);
  });

  it('saves MHTML only when the reporter chose it and the permission is there', async () => {
    settings = mhtml(true);
    sendMessage.mockResolvedValue({ ok: true, data: DRAFT });
    expect((await takeSnapshot(7)).mediaType).toBe('text/html');
    (globalThis as { chrome?: unknown }).chrome = { pageCapture: { saveAsMHTML } };
    expect(await takeSnapshot(7)).toMatchObject({ mediaType: 'multipart/related', variant: 'mhtml' });
    expect(saveAsMHTML).toHaveBeenCalledWith({ tabId: 7 });
  });

  it('refuses a content script answer that is not a snapshot draft', async () => {
    settings = mhtml(false);
    sendMessage.mockResolvedValue({ ok: true, data: '<html>an old content script</html>' });
    await expect(takeSnapshot(7)).rejects.toThrow('error_no_content_script');
  });
});
