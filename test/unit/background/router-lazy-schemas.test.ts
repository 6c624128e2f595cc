import { beforeAll, describe, expect, it, vi } from 'vitest';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const browser = { runtime: { id: EXTENSION_ID, getURL: (path: string) => `${ORIGIN}${path}` } };
vi.mock('webextension-polyfill', () => ({ default: browser }));
const handleUiMessage = vi.fn(async (message: { type: string }) => message.type);
vi.mock('../../../src/background/ui-handlers', () => ({ handleUiMessage }));
const scanPlan = vi.fn(async () => ({ scan: true }));
vi.mock('../../../src/background/scan-handlers', () => ({ scanPlan, scanBlocks: vi.fn(), prefilterTexts: vi.fn() }));

const { uiMessageSchemas, contentMessageSchemas } = await import('../../../src/shared/protocol/messages');
const { routeMessage } = await import('../../../src/background/router');

const fromPage = { id: EXTENSION_ID, url: `${ORIGIN}options/index.html` } as never;
const fromTab = { id: EXTENSION_ID, url: 'https://shop.example/', tab: { id: 4 }, frameId: 0 } as never;

// Every builder watched before the first message: this file's router has built nothing yet.
const ui = Object.fromEntries(Object.keys(uiMessageSchemas).map((type) => [type, vi.spyOn(uiMessageSchemas, type as keyof typeof uiMessageSchemas)]));
const content = Object.fromEntries(Object.keys(contentMessageSchemas).map((type) => [type, vi.spyOn(contentMessageSchemas, type as keyof typeof contentMessageSchemas)]));
const built = (spies: Record<string, { mock: { calls: unknown[] } }>) =>
  Object.fromEntries(Object.entries(spies).flatMap(([type, spy]) => (spy.mock.calls.length ? [[type, spy.mock.calls.length]] : [])));

describe('the worker’s message schemas', () => {
  beforeAll(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('are built one type at a time, as the first message of each type arrives', async () => {
    expect(built(ui)).toEqual({});
    expect(await routeMessage({ type: 'settings/get' }, fromPage)).toEqual({ ok: true, data: 'settings/get' });
    expect(built(ui)).toEqual({ 'settings/get': 1 });
    expect(await routeMessage({ type: 'settings/get' }, fromPage)).toEqual({ ok: true, data: 'settings/get' });
    expect(await routeMessage({ type: 'history/get', id: '6f1c1c8e-3a4b-4c2d-9e8f-0a1b2c3d4e5f' }, fromPage)).toEqual({ ok: true, data: 'history/get' });
    expect(built(ui)).toEqual({ 'settings/get': 1, 'history/get': 1 });
    expect(built(content)).toEqual({});

    expect(await routeMessage({ type: 'content/scan-plan', site: 'shop.example' }, fromTab)).toEqual({ ok: true, data: { scan: true } });
    expect(built(content)).toEqual({ 'content/scan-plan': 1 });
    expect(built(ui)).toEqual({ 'settings/get': 1, 'history/get': 1 });
  });

  it('still check every message in full before it is handled, and refuse an unknown or missing type', () => {
    handleUiMessage.mockClear();
    expect(routeMessage({ type: 'history/get', id: 'not-a-uuid' }, fromPage)).toBeUndefined();
    expect(routeMessage({ type: 'history/list', limit: 0 }, fromPage)).toBeUndefined();
    expect(routeMessage({ type: 'settings/unknown' }, fromPage)).toBeUndefined();
    expect(routeMessage({ limit: 10 }, fromPage)).toBeUndefined();
    expect(routeMessage({ type: 'toString' }, fromPage)).toBeUndefined();
    // A page's type from a content script, and a content script's from a page.
    expect(routeMessage({ type: 'settings/get' }, fromTab)).toBeUndefined();
    expect(routeMessage({ type: 'content/scan-plan', site: 'shop.example' }, fromPage)).toBeUndefined();
    expect(handleUiMessage).not.toHaveBeenCalled();
    expect(built(ui)).toEqual({ 'settings/get': 1, 'history/get': 1, 'history/list': 1 });
  });
});
