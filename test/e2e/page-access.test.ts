/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { settle } from './harness/page-state';
import { serveFixtures, type StaticServer } from './harness/static-server';

/*
 * What the content script's own world can reach (docs/SECURITY.md, "A compromised renderer"): code run
 * in the extension's isolated world of a page, as a compromised renderer could run it, cannot read
 * storage.local (closed to content scripts: src/background/page-access.ts), and the token and contact
 * are not there anyway (src/store/secret-store.ts); nor can it change the endpoint.
 */

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
<p>Fake passports for sale, $450 each. Telegram @docs_seller</p></body></html>`;
const ENDPOINT = 'https://tips.example.org/reports';

type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
type SettingsLike = { endpoint: { url: string; token?: string } | null; privacy: { contact: string } & Record<string, unknown> } & Record<string, unknown>;

describe('the content script world and the extension’s secrets', () => {
  let browser: ExtensionBrowser;
  let fixtures: StaticServer;
  let options: Page;

  const settingsNow = async () => (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/get' })) as Reply<SettingsLike>);

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/shop.html': () => PAGE });
    browser = await launchExtension();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.waitForSelector('#privacy-heading');
    // As the options page saves them: through the worker.
    const current = await settingsNow();
    if (!current.ok) throw new Error(current.error);
    const saved = (await options.evaluate(
      (settings) => chrome.runtime.sendMessage({ type: 'settings/save', settings }),
      { ...current.data, endpoint: { url: ENDPOINT, token: 'tok-secret-7' }, privacy: { ...current.data.privacy, contact: 'witness@example.org' } },
    )) as Reply<SettingsLike>;
    expect(saved.ok).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('cannot read the token or the contact, nor change the endpoint, from the content script’s isolated world', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const contexts: { id: number; origin: string; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    await page.goto(`${fixtures.url}/shop.html`);
    await settle(page, 800);
    await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.includes(browser.extensionId))).toBe(true);
    const world = contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin.includes(browser.extensionId)).pop()!;
    expect(world.name).toMatch(/Tipline/i);

    const run = async (expression: string) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
      return exceptionDetails ? { threw: exceptionDetails.exception?.description ?? exceptionDetails.text } : { value: result.value as unknown };
    };
    // It is the content script's world: the extension's APIs are there.
    expect((await run('typeof chrome.runtime.sendMessage')).value).toBe('function');

    const read = await run('chrome.storage.local.get(null).then((items) => JSON.stringify(items))');
    console.log(`storage.local.get from the content script world: ${JSON.stringify(read).slice(0, 200)}`);
    const readText = JSON.stringify(read);
    expect(readText).not.toContain('tok-secret-7');
    expect(readText).not.toContain('witness@example.org');
    // Closed to content scripts: the read fails rather than answering.
    expect('threw' in read).toBe(true);

    const write = await run(`chrome.storage.local.set({ settings: { version: 1, endpoint: { url: 'https://evil.example/collect', token: 'planted' } } }).then(() => 'written')`);
    expect('threw' in write).toBe(true);
    await page.waitForTimeout(300);
    const after = await settingsNow();
    expect(after.ok && after.data.endpoint).toEqual({ url: ENDPOINT, token: 'tok-secret-7' });
    expect(after.ok && after.data.privacy.contact).toBe('witness@example.org');
    await page.close();
  });
});
