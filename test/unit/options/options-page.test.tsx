// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/settings';
import type { UiHandlers } from '../../../src/shared/protocol/ui-client-double';
import { act } from 'preact/test-utils';
import { byId, click, mount, setValue, settle, submitForm, unmount } from '../popup/dom';

vi.mock('webextension-polyfill', () => import('../popup/fake-polyfill'));
const polyfill = await import('../popup/fake-polyfill');
const { hostAccess } = polyfill;
const { backgroundClientDouble } = await import('../../../src/shared/protocol/ui-client-double');
const { askFirst, OptionsApp } = await import('../../../src/options/options-app');

const LIST = 'https://lists.example.org/a.json';
const settings = { ...defaultSettings(), subscriptions: [{ url: LIST, enabled: true }] };

function client(handlers: UiHandlers = {}) {
  return backgroundClientDouble({
    'settings/get': () => settings,
    'settings/locked': () => [],
    'settings/save': (message) => message.settings,
    'lists/status': () => ({}),
    ...handlers,
  });
}

let root: HTMLElement | null = null;
async function open(double: ReturnType<typeof client>) {
  root = mount(<OptionsApp client={double} />);
  await settle();
  return root;
}
afterEach(() => {
  hostAccess.answer = async () => true;
  hostAccess.granted = true;
  hostAccess.listeners.clear();
  if (root) unmount(root);
  root = null;
});

describe('the options page', () => {
  it('shows the answers to what main.tsx asked before the page rendered, and asks no more', async () => {
    const double = client();
    const first = askFirst(double);
    expect(double.callsOf('settings/get')).toHaveLength(1);
    root = mount(<OptionsApp client={double} first={first} />);
    await settle();
    expect(root.querySelector('[aria-busy]')).toBeNull();
    expect(byId<HTMLInputElement>(root, 'endpoint-url').value).toBe('');
    expect([double.callsOf('settings/get').length, double.callsOf('settings/locked').length, double.callsOf('settings/policy-ready').length]).toEqual([1, 1, 1]);
  });

  it('keeps a change made while the one before it is still being saved (a box ticked as a field loses focus)', async () => {
    const pending: (() => void)[] = [];
    const double = client({ 'settings/save': (message) => new Promise<Settings>((resolve) => pending.push(() => resolve(message.settings))) });
    const page = await open(double);
    const contact = byId<HTMLInputElement>(page, 'contact-default');
    await act(() => {
      contact.value = 'reporter@example.org';
      contact.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(byId(page, 'anonymous'));
    for (const release of pending.splice(0)) release();
    await settle();
    const saved = double.callsOf('settings/save').map((call) => call.settings.privacy);
    expect(saved.at(-1)).toMatchObject({ contact: 'reporter@example.org', anonymous: false });
    expect([byId<HTMLInputElement>(page, 'anonymous').checked, contact.value]).toEqual([false, 'reporter@example.org']);
  });

  it('tests the endpoint as typed and says what it answered', async () => {
    const double = client({ 'endpoint/test': () => ({ ok: false, problem: 'unauthorized', detail: 'HTTP 401' }) });
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'https://tips.example.org/r');
    await click(byId(page, 'endpoint-test'));
    expect(double.callsOf('endpoint/test')).toEqual([{ type: 'endpoint/test', endpoint: { url: 'https://tips.example.org/r' } }]);
    const status = byId(page, 'endpoint-status');
    expect([status.textContent, status.className]).toEqual(['endpointCheck_unauthorized(HTTP 401)', 'error']);
  });

  it('saves the endpoint through settings/save and says so', async () => {
    const double = client();
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'https://tips.example.org/r');
    await submitForm(byId(page, 'endpoint-save').closest('form') as HTMLFormElement);
    expect(double.callsOf('settings/save')[0]?.settings.endpoint).toEqual({ url: 'https://tips.example.org/r' });
    expect(byId(page, 'endpoint-status').textContent).toBe('endpointAccessGranted(tips.example.org)');
  });

  it('saves, then says reports will wait, when the browser refuses access to the endpoint’s host', async () => {
    hostAccess.answer = async () => false;
    const double = client();
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'http://127.0.0.1:8787/reports');
    await submitForm(byId(page, 'endpoint-save').closest('form') as HTMLFormElement);
    await settle();
    expect(polyfill.default.permissions.request).toHaveBeenLastCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(double.callsOf('settings/save')[0]?.settings.endpoint).toEqual({ url: 'http://127.0.0.1:8787/reports' });
    const status = byId(page, 'endpoint-status');
    expect([status.textContent, status.className]).toEqual(['endpointAccessRefused(127.0.0.1:8787)', 'error']);
    // Granted later in the browser's own settings: the page says so.
    hostAccess.grant();
    await settle();
    expect([status.textContent, status.className]).toEqual(['endpointAccessGranted(127.0.0.1:8787)', 'success']);
  });

  it('asks for the Time-Stamp Authority’s host on save, and says reports go without a timestamp when refused', async () => {
    hostAccess.answer = async () => false;
    const double = client();
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'timestamp-url'), 'https://tsa.example.org/tsr');
    await submitForm(byId(page, 'timestamp-save').closest('form') as HTMLFormElement);
    await settle();
    expect(polyfill.default.permissions.request).toHaveBeenLastCalledWith({ origins: ['https://tsa.example.org/*'] });
    expect(double.callsOf('settings/save').at(-1)?.settings.timestampUrl).toBe('https://tsa.example.org/tsr');
    const status = byId(page, 'timestamp-status');
    expect([status.textContent, status.className]).toEqual(['timestampAccessRefused(tsa.example.org)', 'error']);
  });

  it('says what it waits for while the browser asks the user', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    hostAccess.answer = () => new Promise<boolean>((resolve) => (answer = resolve));
    const page = await open(client());
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'https://tips.example.org/r');
    await submitForm(byId(page, 'endpoint-save').closest('form') as HTMLFormElement);
    await expect.poll(() => byId(page, 'endpoint-status').textContent).toBe('endpointAccessAsking(tips.example.org)');
    answer(true);
    await expect.poll(() => byId(page, 'endpoint-status').textContent).toBe('endpointAccessGranted(tips.example.org)');
  });

  it('shows a refused save at the top of the page', async () => {
    const double = client({ 'settings/save': () => { throw new Error('error_storage'); } });
    const page = await open(double);
    await click(byId(page, 'anonymous'));
    expect(page.querySelector('[role=alert]')?.textContent).toBe('error_save(error_storage)');
  });

  it('refreshes the lists and shows what came back', async () => {
    const double = client({ 'lists/refresh': () => ({ [LIST]: { name: 'Guns', version: '3', entries: [], lastAttemptAt: '2025-01-02T03:04:05.000Z' } }) });
    const page = await open(double);
    await click(byId(page, 'lists-refresh'));
    expect(byId(page, 'lists-status').textContent).toBe('listsRefreshed');
    expect(page.querySelector(`[data-url="${LIST}"] strong`)?.textContent).toBe('Guns');
    expect(byId<HTMLButtonElement>(page, 'lists-refresh').disabled).toBe(false);
  });

  it('deletes all local data, shows what was deleted, and then the settings as they now are', async () => {
    let current: Settings = { ...settings, endpoint: { url: 'https://tips.example.org/r', token: 'tok' } };
    const double = client({
      'settings/get': () => current,
      'data/clear': () => {
        current = defaultSettings();
        return { reports: 3, parts: 5, drafts: 1, storedItems: 4, secrets: 2 };
      },
    });
    const page = await open(double);
    expect(byId<HTMLInputElement>(page, 'endpoint-token').value).toBe('tok');
    vi.stubGlobal('confirm', () => true);
    await click(byId(page, 'clear-all'));
    await settle();
    vi.unstubAllGlobals();
    expect(double.callsOf('data/clear')).toHaveLength(1);
    expect(page.querySelector('section[aria-labelledby=privacy-heading] [role=status]')?.textContent).toBe('clearedAllCounts(3|5|1|4|2)');
    expect(byId<HTMLInputElement>(page, 'endpoint-url').value).toBe('');
    expect(byId<HTMLInputElement>(page, 'endpoint-token').value).toBe('');
  });

  it('shows the browser’s policy once the worker has it, when the page was shown under another (background/ui-policy.ts)', async () => {
    let answer: (value: { settings: Settings; locked: ['endpoint'] }) => void = () => undefined;
    const live = { ...settings, endpoint: { url: 'https://tips.example.org/policy' } };
    const double = client({ 'settings/policy-ready': () => new Promise((resolve) => (answer = resolve)) });
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'https://typed.example.org/r');
    expect(page.querySelector('#endpoint-locked')).toBeNull();

    answer({ settings: live, locked: ['endpoint'] });
    await settle();
    expect(byId<HTMLInputElement>(page, 'endpoint-url').value).toBe('https://tips.example.org/policy');
    expect(byId<HTMLInputElement>(page, 'endpoint-url').readOnly).toBe(true);
    expect(page.querySelector('#endpoint-locked')).not.toBeNull();
  });

  it('keeps what it shows when the browser’s policy is the one it was shown under', async () => {
    const double = client({ 'settings/policy-ready': () => ({ settings, locked: [] }) });
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'https://typed.example.org/r');
    await settle();
    expect(double.callsOf('settings/policy-ready')).toHaveLength(1);
    expect(byId<HTMLInputElement>(page, 'endpoint-url').value).toBe('https://typed.example.org/r');
  });

  it('after a save, takes only the locks from the browser’s policy: the saved settings were saved under it', async () => {
    let answer: (value: { settings: Settings; locked: ['highlight.enabled'] }) => void = () => undefined;
    const double = client({ 'settings/policy-ready': () => new Promise((resolve) => (answer = resolve)) });
    const page = await open(double);
    await setValue(byId<HTMLInputElement>(page, 'endpoint-url'), 'https://tips.example.org/r');
    await submitForm(byId(page, 'endpoint-save').closest('form') as HTMLFormElement);
    answer({ settings: { ...settings, highlight: { ...settings.highlight, enabled: false } }, locked: ['highlight.enabled'] });
    await settle();
    expect(byId<HTMLInputElement>(page, 'endpoint-url').value).toBe('https://tips.example.org/r');
    expect(page.querySelector('#highlight-enabled-locked')).not.toBeNull();
  });
});
