/// <reference types="chrome" />
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { badgeText, highlights } from './harness/page-state';
import { FIXTURES } from './harness/static-server';

/*
 * The page first (docs/ARCHITECTURE.md, "The bootstrap"): the script every page loads is small, and the
 * scanner is injected only once the page has loaded, or after the bootstrap's fallback when the page
 * never finishes loading.
 */

const root = resolve(import.meta.dirname, '../..');
const manifestOf = (browser: 'chrome' | 'firefox') => JSON.parse(readFileSync(join(root, 'dist', browser, 'manifest.json'), 'utf8'));

/** The jammers fixture with an image whose answer the test holds back, and a page script that notes when the first highlight appears. */
function pageWithHeldImage(): string {
  const fixture = readFileSync(join(FIXTURES, 'listings/jammers.en.html'), 'utf8');
  const watcher = `<script>
    window.firstHighlightAt = undefined;
    const timer = setInterval(() => {
      if (CSS.highlights.size > 0) { window.firstHighlightAt = performance.now(); clearInterval(timer); }
    }, 5);
  </script>`;
  return fixture.replace('<main>', `${watcher}<main><img src="/held.png" alt="" width="1" height="1">`);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('the bootstrap and the injected scanner (Chromium)', () => {
  let browser: ExtensionBrowser;
  let server: Server;
  let base: string;
  /** Answers waiting for the test to release the image. */
  const held: ServerResponse[] = [];
  const release = () => {
    for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/held.png') {
        held.push(res);
        return;
      }
      const page = req.url === '/held' || req.url === '/never' ? pageWithHeldImage() : readFileSync(join(FIXTURES, 'listings/jammers.en.html'), 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchExtension();
  });

  afterAll(async () => {
    release();
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  /** Whether the scanner runs in the tab's page, read in the extension's isolated world, with the page's readyState then. */
  const scannerState = (tabId: number) =>
    browser.worker.evaluate(async (id) => {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        func: () => [(globalThis as { tipline_scanner?: boolean }).tipline_scanner === true, document.readyState] as const,
      });
      return frame?.result as readonly [boolean, DocumentReadyState] | undefined;
    }, tabId);

  it('loads a bootstrap of at most 2 KB on every page, no stylesheet, and exposes no resource to pages', () => {
    for (const name of ['chrome', 'firefox'] as const) {
      const manifest = manifestOf(name);
      expect(manifest.web_accessible_resources, name).toBeUndefined();
      const scripts = manifest.content_scripts as { js?: string[]; css?: string[] }[];
      expect(scripts.flatMap((script) => script.css ?? []), name).toEqual([]);
      const files = scripts.flatMap((script) => script.js ?? []);
      expect(files, name).toEqual(['bootstrap.js']);
      for (const file of files) expect(statSync(join(root, 'dist', name, file)).size, `${name}/${file}`).toBeLessThanOrEqual(2048);
      expect(manifest.permissions, name).toContain('scripting');
    }
  });

  it('runs nothing of the scanner before the page has loaded, and scans it after', async () => {
    const page = await browser.context.newPage();
    const navigation = page.goto(`${base}/held`, { waitUntil: 'commit' });
    await navigation;
    await page.waitForFunction(() => document.readyState === 'interactive' || document.readyState === 'complete');
    const tabId = await browser.tabIdOf(page);
    // While the image is held, the page is loading; the bootstrap's fallback is 1 s away.
    const whileLoading = await scannerState(tabId);
    expect(whileLoading?.[1]).toBe('interactive');
    expect(whileLoading?.[0]).toBe(false);
    expect(await highlights(page)).toEqual({});
    release();
    await page.waitForLoadState('load');
    await expect.poll(async () => (await scannerState(tabId))?.[0], { timeout: 10_000 }).toBe(true);
    await expect.poll(() => badgeText(browser, page), { timeout: 10_000 }).toBe('3');
    await expect.poll(() => page.evaluate(() => (window as unknown as { firstHighlightAt?: number }).firstHighlightAt), { timeout: 10_000 }).toBeGreaterThan(0);
    const { firstHighlightAt, loadEnd } = await page.evaluate(() => ({
      firstHighlightAt: (window as unknown as { firstHighlightAt: number }).firstHighlightAt,
      loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    expect(loadEnd).toBeGreaterThan(0);
    expect(firstHighlightAt).toBeGreaterThanOrEqual(loadEnd);
    await page.close();
  });

  it('scans a page that never finishes loading, after the fallback', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/never`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'interactive');
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => badgeText(browser, page), { timeout: 10_000 }).toBe('3');
    // Still loading: the image is never answered.
    expect(await scannerState(tabId)).toEqual([true, 'interactive']);
    expect((await highlights(page))['tipline-jammers']).toBeGreaterThan(0);
    await page.close();
    release();
  });

  it('injects the scanner once however often it is asked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/twice`);
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => badgeText(browser, page), { timeout: 10_000 }).toBe('3');
    // Two more injections, as reports of a listing make; then pick mode, which each running scanner
    // would answer with a bar of its own.
    await browser.worker.evaluate(async (id) => {
      for (let i = 0; i < 2; i++) await chrome.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: ['content.js'] });
      await chrome.tabs.sendMessage(id, { type: 'content/pick-listing' }, { frameId: 0 });
    }, tabId);
    await page.waitForSelector('[data-tipline-pick]');
    expect(await page.locator('[data-tipline-pick]').count()).toBe(1);
    expect(await badgeText(browser, page)).toBe('3');
    await page.close();
  });
});
