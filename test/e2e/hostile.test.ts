/// <reference types="chrome" />
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath, launchExtension, type ExtensionBrowser } from './harness/browser';
import { longTasksAfterLoad, watchLongTasks } from './harness/long-tasks';
import { badgeText, settle } from './harness/page-state';
import { setSettings } from './harness/settings';
import { FIXTURES, serveFixtures, type StaticServer } from './harness/static-server';

const hostile = readdirSync(join(FIXTURES, 'hostile')).filter((name) => name.endsWith('.html')).sort();
/** Pages whose own scripts keep the main thread busy after load: long tasks there are not ours to judge. */
const BUSY_PAGES = new Set(['rewrites-itself.html', 'document-write.html']);
/**
 * A page of 200,000 elements: Chromium's own frames there (style, paint invalidation, hit testing,
 * collecting the wrappers of 200,000 nodes) ran 30-170 ms in traces, some with no script of ours in
 * them, and crossed 50 ms in CI once with painting on and once with it off. The bound still fails a
 * scan that is not sliced (one pass over this page takes several hundred milliseconds).
 */
const HUGE_PAGES = new Set(['huge-dom.html']);
const HUGE_PAGE_TASK_MS = 120;

/**
 * A page that hears the reporter's right-click and answers it with synthetic ones on a decoy, at once
 * and a moment later, hoping the decoy is what gets reported.
 */
const DECOY_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Decoy</title></head><body>
<article id="real" style="margin:20px;padding:20px;border:1px solid #999"><h2>Real listing</h2><p>Fake passports for sale, $450 each</p></article>
<article id="decoy" style="margin:20px;padding:20px;border:1px solid #999"><h2>Decoy listing</h2><p>Harmless garden furniture</p></article>
<script>
  const fake = () => {
    const decoy = document.querySelector('#decoy p');
    decoy.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, button: 2 }));
    decoy.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, button: 2 }));
  };
  window.addEventListener('contextmenu', (event) => { if (event.isTrusted) { fake(); setTimeout(fake, 0); } }, true);
  window.addEventListener('pointerdown', (event) => { if (event.isTrusted && event.button === 2) fake(); }, true);
</script></body></html>`;

async function summaryOf(browser: ExtensionBrowser, tabId: number) {
  return browser.worker.evaluate(async (id) => {
    const reply = await chrome.tabs.sendMessage(id, { type: 'content/get-summary' }, { frameId: 0 });
    return reply?.data as { suspectBlocks: number; matches: { phrase: string }[] } | undefined;
  }, tabId);
}

describe('hostile pages', () => {
  let fixtures: StaticServer;
  let browser: ExtensionBrowser;
  const results: string[] = [];

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/decoy-contextmenu.html': () => DECOY_PAGE });
    // The test build: the listing tests below call the right-click menu's handler in the worker.
    browser = await launchExtension({ testHooks: true });
    await watchLongTasks(browser.context);
  });

  afterAll(async () => {
    console.log(`hostile fixtures:\n${results.join('\n')}`);
    await browser?.close();
    await fixtures?.close();
  });

  it('has at least 15 hostile fixtures', () => expect(hostile.length).toBeGreaterThanOrEqual(15));

  it.each(hostile)('%s: the extension neither crashes nor hangs the page', async (file) => {
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${fixtures.url}/hostile/${file}`, { timeout: 60_000 });
    await settle(page, 1500);
    const tabId = await browser.tabIdOf(page);
    const summary = await summaryOf(browser, tabId);
    expect(summary, 'the content script answers').toBeDefined();
    const longTasks = await longTasksAfterLoad(page);
    const worst = Math.max(0, ...longTasks);
    results.push(`  ${file}: suspect blocks ${summary?.suspectBlocks}, longest task after load ${worst} ms`);
    if (HUGE_PAGES.has(file)) expect(worst, `long tasks: ${longTasks.join(', ')}`).toBeLessThanOrEqual(HUGE_PAGE_TASK_MS);
    else if (!BUSY_PAGES.has(file)) expect(worst, `long tasks: ${longTasks.join(', ')}`).toBeLessThanOrEqual(50);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('reads what the page shows, not what its patched prototypes pretend', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/hostile/patched-prototypes.html`);
    await settle(page);
    const tabId = await browser.tabIdOf(page);
    const summary = await summaryOf(browser, tabId);
    expect(summary?.suspectBlocks).toBe(1);
    await page.click('#post h2', { button: 'right' });
    const draft = await browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const fn = (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<{ listing?: { text?: string } }> }).tiplineReportListing;
      return fn(tab, {});
    }, tabId);
    expect(draft.listing?.text).toContain('出售枪支');
    expect(draft.listing?.text).not.toContain('innocent cookie recipe');
    await page.close();
  });

  it('finds the listing even where the page cancels contextmenu and blocks scrolling', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/hostile/cancels-events.html`);
    await settle(page);
    await page.click('#link', { button: 'right' });
    const tabId = await browser.tabIdOf(page);
    const draft = await browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const fn = (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<{ listing?: { text?: string; linkUrl?: string }; error?: string }> }).tiplineReportListing;
      return fn(tab, { linkUrl: 'https://shop.example/p/1' });
    }, tabId);
    expect(draft.error).toBeUndefined();
    expect(draft.listing?.text).toContain('Fake passports for sale');
    expect(draft.listing?.linkUrl).toBe('https://shop.example/p/1');
    await page.close();
  });

  it('reports the real right-click target, not a decoy the page answers with synthetic events', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/decoy-contextmenu.html`);
    await settle(page);
    await page.click('#real p', { button: 'right' });
    await page.waitForTimeout(100);
    const tabId = await browser.tabIdOf(page);
    const draft = await browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const fn = (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<{ listing?: { text?: string }; error?: string }> }).tiplineReportListing;
      return fn(tab, {});
    }, tabId);
    expect(draft.error).toBeUndefined();
    expect(draft.listing?.text).toContain('Real listing');
    expect(draft.listing?.text).not.toContain('Decoy listing');
    await page.close();
  });

  it('runs nothing injected by a page title or listing text in the report window', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/hostile/injection-title.html`);
    await settle(page);
    const tabId = await browser.tabIdOf(page);
    await page.click('#post h2', { button: 'right' });
    await browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      await (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<unknown> }).tiplineReportListing(tab, { linkUrl: 'javascript:alert(1)' });
    }, tabId);
    const popup = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('popup/index.html') });
    const dialogs: string[] = [];
    popup.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.locator('#page-title').textContent()).toContain('<script>');
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await popup.locator('#listing-link').count()).toBe(0);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('stealth mode', () => {
  it('leaves nothing a page script can see, yet still counts the listing', async () => {
    const fixtures = await serveFixtures();
    const probe = () => ({
      highlights: CSS.highlights.size,
      sheets: document.adoptedStyleSheets.length,
      html: document.documentElement.outerHTML,
      marks: document.querySelectorAll('mark').length,
      // The colours of our highlights, as a page can read them for a name of its choosing.
      colour: getComputedStyle(document.body, '::highlight(tipline-jammers)').backgroundColor,
    });
    const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
    const browser = await launchExtension();
    try {
      const plainPage = await plain.newPage();
      await plainPage.goto(`${fixtures.url}/hostile/dom-clobbering.html`);
      await settle(plainPage);
      const without = await plainPage.evaluate(probe);

      await setSettings(browser.worker, { highlight: { enabled: true, pausedSites: [], stealth: true, stealthSites: [] } });
      const page = await browser.context.newPage();
      await page.goto(`${fixtures.url}/hostile/dom-clobbering.html`);
      await settle(page, 1000);
      const withStealth = await page.evaluate(probe);
      expect(withStealth).toEqual(without);
      expect(await badgeText(browser, page)).toBe('1');

      await setSettings(browser.worker, { highlight: { enabled: true, pausedSites: [], stealth: false, stealthSites: [] } });
      await page.reload();
      await settle(page, 1000);
      const visible = await page.evaluate(probe);
      // The same probe does see the extension when stealth is off: the test can fail.
      expect(visible.highlights).toBeGreaterThan(0);
      expect(visible.colour).not.toBe(without.colour);
    } finally {
      await browser.close();
      await plain.close();
      await fixtures.close();
    }
  });
});
