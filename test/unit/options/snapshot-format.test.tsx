// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import { byId, click, mount, settle, unmount } from '../popup/dom';

vi.mock('webextension-polyfill', () => import('../popup/fake-polyfill'));
const browser = (await import('../popup/fake-polyfill')).default as unknown as {
  runtime: { getManifest: ReturnType<typeof vi.fn> };
  permissions: { request: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn> };
};
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { OptionsApp } = await import('../../../src/options/options-app');

function client(settings: Settings) {
  return backgroundClientDouble({
    'settings/get': () => settings,
    'settings/locked': () => [],
    'settings/save': (message) => message.settings,
    'lists/status': () => ({}),
  });
}

let root: HTMLElement | null = null;
async function open(double: ReturnType<typeof client>) {
  root = mount(<OptionsApp client={double} />);
  await settle();
  return root;
}
afterEach(() => {
  if (root) unmount(root);
  root = null;
  vi.clearAllMocks();
});

describe('the MHTML snapshot opt-in', () => {
  it('asks for pageCapture when switched on, and saves MHTML only once it is granted', async () => {
    const double = client(defaultSettings());
    const page = await open(double);
    expect(byId<HTMLInputElement>(page, 'snapshot-mhtml').checked).toBe(false);
    browser.permissions.request.mockResolvedValueOnce(false);
    await click(byId(page, 'snapshot-mhtml'));
    expect(browser.permissions.request).toHaveBeenCalledWith({ permissions: ['pageCapture'] });
    expect(double.callsOf('settings/save')).toEqual([]);
    expect(byId(page, 'snapshot-mhtml-status').textContent).toBe('snapshotMhtmlDenied');
    await click(byId(page, 'snapshot-mhtml'));
    expect(double.callsOf('settings/save').at(-1)?.settings.privacy.snapshotFormat).toBe('mhtml');
  });

  it('gives the permission back when switched off', async () => {
    const double = client({ ...defaultSettings(), privacy: { ...defaultSettings().privacy, snapshotFormat: 'mhtml' } });
    const page = await open(double);
    expect(byId<HTMLInputElement>(page, 'snapshot-mhtml').checked).toBe(true);
    await click(byId(page, 'snapshot-mhtml'));
    expect(browser.permissions.remove).toHaveBeenCalledWith({ permissions: ['pageCapture'] });
    expect(double.callsOf('settings/save').at(-1)?.settings.privacy.snapshotFormat).toBe('html');
  });

  it('is not offered where the build has no pageCapture (Firefox)', async () => {
    browser.runtime.getManifest.mockReturnValue({});
    const page = await open(client(defaultSettings()));
    expect(page.querySelector('#snapshot-mhtml')).toBeNull();
    expect(page.querySelector('#snapshot-default')).not.toBeNull();
    browser.runtime.getManifest.mockReturnValue({ optional_permissions: ['pageCapture'] });
  });
});
