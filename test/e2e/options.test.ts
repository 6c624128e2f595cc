/// <reference types="chrome" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../../server/create-inbox';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { highlights, settle } from './harness/page-state';
import { saveScreen } from './harness/screens';
import { serveFixtures, type StaticServer } from './harness/static-server';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Market</title></head><body>
<ul>
<li class="post">Brand new zorblax widget, boxed. $40, Telegram @seller1</li>
<li class="post">Quuxinator 3000 for collectors</li>
<li class="post">Garden chairs, two of them</li>
</ul></body></html>`;

const LIST = {
  schema: 'tipline.phrases/v1',
  name: 'Test list',
  version: '2026.11',
  entries: [{ phrase: 'zorblax widget', category: 'other', strength: 'strong' }],
};

/** A list server whose answer the test changes: a good list, broken JSON, or a 500. */
async function listServer(): Promise<{ url: string; mode: 'good' | 'broken' | 'error'; close(): Promise<void> }> {
  const state = { mode: 'good' as 'good' | 'broken' | 'error' };
  const server: Server = createServer((_req, res) => {
    if (state.mode === 'error') return void res.writeHead(500).end('oops');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(state.mode === 'good' ? JSON.stringify(LIST) : '{"schema": "tipline.phrases/v1", "entries": [');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/list.json`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}

describe('options page', () => {
  let browser: ExtensionBrowser;
  let fixtures: StaticServer;
  let lists: Awaited<ReturnType<typeof listServer>>;
  let options: Page;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/market.html': () => PAGE });
    lists = await listServer();
    browser = await launchExtension({ locale: 'en' });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.waitForSelector('#phrases-heading');
  });

  afterAll(async () => {
    await browser?.close();
    await lists?.close();
    await fixtures?.close();
  });

  async function marketHighlights(): Promise<Record<string, number>> {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/market.html`);
    await settle(page, 800);
    const found = await highlights(page);
    await page.close();
    return found;
  }

  it('sends a report with a token to the endpoint configured in the options page', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    const inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0, token: 'op-token-1' });
    try {
      await options.fill('#endpoint-url', `${inbox.url}/reports`);
      await options.fill('#endpoint-token', 'wrong');
      await options.click('#endpoint-test');
      await expect.poll(() => options.locator('#endpoint-status').textContent()).toMatch(/token/i);
      await options.fill('#endpoint-token', 'op-token-1');
      await options.click('#endpoint-test');
      await expect.poll(() => options.locator('#endpoint-status').textContent()).toMatch(/Connected/);
      await options.click('#endpoint-save');
      await expect.poll(() => options.locator('#endpoint-status').textContent()).toMatch(/saved/i);

      const page = await browser.context.newPage();
      await page.goto(`${fixtures.url}/market.html`);
      const popup = await openReportForm(browser, page);
      await fillReportForm(popup, { category: 'other' });
      await sendReportForm(popup);
      await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');
      const folders = (await readdir(dataDir)).filter((name) => /^[0-9a-f-]{36}$/.test(name));
      expect(folders).toHaveLength(1);
      await popup.close();
      await page.close();
    } finally {
      await inbox.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('adds a phrase of the reporter’s own that then highlights a page, and refuses a runaway regular expression', async () => {
    expect((await marketHighlights())['tipline-other'] ?? 0).toBe(0);
    await options.fill('#phrase-input', 'Quuxinator');
    await options.selectOption('#phrase-category', 'other');
    await options.click('#phrase-save');
    await expect.poll(() => options.locator('#phrases-table tbody tr').count()).toBe(1);
    expect((await marketHighlights())['tipline-other'] ?? 0).toBeGreaterThan(0);

    await options.fill('#phrase-input', '(a+)+b');
    await options.check('#phrase-regex');
    await options.click('#phrase-save');
    await expect.poll(() => options.locator('#phrase-error').textContent()).toMatch(/freeze/);
    expect(await options.locator('#phrases-table tbody tr').count()).toBe(1);
    await options.uncheck('#phrase-regex');
    await options.fill('#phrase-input', '');
  });

  it('subscribes to a list from a local server, keeps the last good version when it breaks, and says why', async () => {
    await options.fill('#list-url', lists.url);
    await options.click('#list-add');
    await expect.poll(() => options.locator('#lists-status').textContent(), { timeout: 20_000 }).toContain('Test list');
    await expect.poll(() => options.locator('.list-item').first().textContent()).toContain('Phrases: 1');
    // The background builds the prefilter of the lists with the built-in phrases once, for pages to load.
    const cacheKey = () =>
      browser.worker.evaluate(async () => ((await chrome.storage.local.get('prefilterCache')).prefilterCache as { key?: string } | undefined)?.key ?? '');
    await expect.poll(cacheKey, { timeout: 5000 }).toMatch(/^\d+\.\d+\.\d+:\d+:/);
    const before = await marketHighlights();
    expect(before['tipline-other'] ?? 0).toBe(2);

    lists.mode = 'broken';
    await options.click('#lists-refresh');
    await expect.poll(() => options.locator('.list-error').textContent(), { timeout: 20_000 }).toMatch(/not JSON/);
    expect(await options.locator('.list-error').textContent()).toContain('last good version');
    lists.mode = 'error';
    await options.click('#lists-refresh');
    await expect.poll(() => options.locator('.list-error').textContent(), { timeout: 20_000 }).toMatch(/HTTP status 500/);
    expect((await marketHighlights())['tipline-other'] ?? 0).toBe(2);
    await saveScreen(options, 'options-lists-en');
  });

  it('pauses a site and turns a category off from the options page', async () => {
    await options.fill('#paused-sites-input', 'not a site!');
    await options.click('#paused-sites-add');
    await expect.poll(() => options.locator('#paused-sites-error').textContent()).toContain('not a site name');
    await options.fill('#paused-sites-input', fixtures.url);
    await options.click('#paused-sites-add');
    await expect.poll(() => options.locator('#paused-sites-list li').count()).toBe(1);
    expect(Object.values(await marketHighlights()).reduce((a, b) => a + b, 0)).toBe(0);
    await options.click('#paused-sites-list button');
    await expect.poll(() => options.locator('#paused-sites-list li').count()).toBe(0);

    await options.uncheck('#category-firearms-explosives');
    const stored = () => browser.worker.evaluate(async () => ((await chrome.storage.local.get('settings')) as { settings: { categories: string[] } }).settings.categories);
    await expect.poll(stored).not.toContain('firearms-explosives');
    expect(await stored()).toContain('drugs-precursors');
    await options.check('#category-firearms-explosives');
  });

  it('exports the settings without the token, and imports only a valid file', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#settings-export')]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.schema).toBe('tipline.settings/v1');
    expect(exported.settings.customPhrases).toEqual([{ phrase: 'Quuxinator', category: 'other', strength: 'strong', regex: false }]);
    expect(exported.settings.endpoint.token).toBeUndefined();

    const dir = await mkdtemp(join(tmpdir(), 'tipline-import-'));
    try {
      const bad = join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ ...exported, settings: { ...exported.settings, categories: ['guns'] } }));
      await options.setInputFiles('#settings-import', bad);
      await expect.poll(() => options.locator('#transfer-status').textContent()).toMatch(/Nothing was changed.*settings\.categories/);
      expect(await options.locator('#phrases-table tbody tr').count()).toBe(1);

      const good = join(dir, 'good.json');
      await writeFile(good, JSON.stringify({ ...exported, settings: { ...exported.settings, customPhrases: [] } }));
      await options.setInputFiles('#settings-import', good);
      await expect.poll(() => options.locator('#transfer-status').textContent()).toContain('imported');
      await expect.poll(() => options.locator('#phrases-empty').count()).toBe(1);
      // The token stayed: the file named the same endpoint without one. It is read as the options page
      // reads it, from the worker: it is kept in the worker's database, not in storage.local.
      const reply = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/get' }))) as { data: { endpoint?: { token?: string } } };
      expect(reply.data.endpoint?.token).toBe('op-token-1');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await saveScreen(options, 'options-full-en');
  });

  it('offers the contact details ticked in the report form once "anonymous by default" is turned off', async () => {
    await options.fill('#contact-default', 'reporter@example.org');
    await options.press('#contact-default', 'Tab');
    await options.uncheck('#anonymous');
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/market.html`);
    const popup = await browser.openPopup(await browser.tabIdOf(page));
    await popup.waitForSelector('body[data-ready]');
    await expect.poll(() => popup.isChecked('#include-contact')).toBe(true);
    expect(await popup.inputValue('#contact')).toBe('reporter@example.org');
    await popup.close();

    await options.check('#anonymous');
    const again = await browser.openPopup(await browser.tabIdOf(page));
    await again.waitForSelector('body[data-ready]');
    await again.waitForTimeout(300);
    expect(await again.isChecked('#include-contact')).toBe(false);
    await again.close();
    await page.close();
  });

  it('deletes all local data: reports, settings, lists, token, contact and drafts, and says how much', async () => {
    // What the tests above left: an endpoint with a token, a contact, a phrase list, a delivered report.
    const secretsIn = () =>
      browser.worker.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('tipline');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('secrets').objectStore('secrets').get('secrets');
              request.onsuccess = () => {
                resolve(request.result ?? null);
                open.result.close();
              };
            };
          }),
      );
    expect(await secretsIn()).toMatchObject({ endpointToken: 'op-token-1', contact: 'reporter@example.org' });
    // The token and the contact never reach storage.local.
    const before = await browser.worker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(before)).not.toContain('op-token-1');
    expect(JSON.stringify(before)).not.toContain('reporter@example.org');
    expect(before.settings).toBeDefined();
    await browser.worker.evaluate(() => chrome.storage.session.set({ 'draft:00000000-0000-4000-8000-000000000001': { draftId: '00000000-0000-4000-8000-000000000001', tabId: 1, matches: [], parts: [] } }));

    options.once('dialog', (dialog) => void dialog.accept());
    await options.click('#clear-all');
    const status = options.locator('section[aria-labelledby=privacy-heading] p[role=status]');
    await expect.poll(() => status.textContent()).toMatch(/Deleted from this device: 1 reports, \d+ pieces of evidence, [1-9]\d* report drafts, [1-9]\d* stored items .* and 2 secrets/);
    console.log(`delete all: ${await status.textContent()}`);

    const after = await browser.worker.evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) }));
    expect(after.local.settings).toBeUndefined();
    expect(after.local.phraseLists).toBeUndefined();
    expect(JSON.stringify(after.local)).not.toContain('op-token-1');
    expect(Object.keys(after.session).filter((key) => key.startsWith('draft:'))).toEqual([]);
    expect(await secretsIn()).toBeNull();
    // What the extension's pages now read: no endpoint, no token, no contact.
    const read = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/get' }));
    expect(read.data.endpoint).toBeNull();
    expect(read.data.privacy.contact).toBe('');
  });
});
