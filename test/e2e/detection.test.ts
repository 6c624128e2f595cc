import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { badgeText, highlights, settle } from './harness/page-state';
import { saveScreen } from './harness/screens';
import { FIXTURES, serveFixtures, type StaticServer } from './harness/static-server';

const listings = readdirSync(join(FIXTURES, 'listings')).filter((name) => name.endsWith('.html')).sort();
const benign = readdirSync(join(FIXTURES, 'benign')).filter((name) => name.endsWith('.html')).sort();

describe('suspect-phrase detection in Chromium', () => {
  let fixtures: StaticServer;
  let browser: ExtensionBrowser;
  const verdicts: { file: string; expected: boolean; flagged: boolean }[] = [];

  beforeAll(async () => {
    fixtures = await serveFixtures();
    // The test build: its worker exposes the counters of texts prefiltered and blocks scanned.
    browser = await launchExtension({ testHooks: true });
  });

  afterAll(async () => {
    const tp = verdicts.filter((v) => v.expected && v.flagged).length;
    const fp = verdicts.filter((v) => !v.expected && v.flagged).length;
    const fn = verdicts.filter((v) => v.expected && !v.flagged).length;
    if (verdicts.length) console.log(`fixtures: precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    await browser?.close();
    await fixtures?.close();
  });

  it('has fixtures to run', () => {
    expect(listings.length).toBeGreaterThanOrEqual(24);
    expect(benign.length).toBeGreaterThanOrEqual(8);
  });

  it.each(listings)('flags the listings of %s and highlights them in their category', async (file) => {
    const category = file.split('.')[0]!;
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listings/${file}`);
    await settle(page);
    const badge = await badgeText(browser, page);
    verdicts.push({ file, expected: true, flagged: badge !== '' });
    expect(badge).toMatch(/^\d+$/);
    const marks = await highlights(page);
    expect(marks[`tipline-${category}`] ?? 0, JSON.stringify(marks)).toBeGreaterThan(0);
    if (file === 'firearms-explosives.zh.html' || file === 'identity-documents.en.html') await saveScreen(page, `highlighted-${file.replace('.html', '')}`, false);
    await page.close();
  });

  it("matches the page's text in the worker: every text node is prefiltered there, the candidate blocks scanned there", async () => {
    const count = (name: 'tiplineBlocksScanned' | 'tiplineTextsPrefiltered') =>
      browser.worker.evaluate((fn) => (globalThis as unknown as Record<string, () => number>)[fn]!(), name);
    const before = { texts: await count('tiplineTextsPrefiltered'), blocks: await count('tiplineBlocksScanned') };
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listings/drugs-precursors.zh.html`);
    await settle(page);
    expect(await badgeText(browser, page)).toMatch(/^\d+$/);
    // The page's text nodes with some text in them, as the scanner walks them.
    const textNodes = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentElement?.closest('script, style') === null && /\S/.test((node as Text).data)) n++;
      return n;
    });
    expect((await count('tiplineTextsPrefiltered')) - before.texts).toBeGreaterThanOrEqual(textNodes);
    const blocks = (await count('tiplineBlocksScanned')) - before.blocks;
    expect(blocks).toBeGreaterThan(0);
    expect(blocks).toBeLessThan(textNodes);
    // The highlights on the page came from the worker's answers: the page has no matcher of its own.
    expect(await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))).toBeGreaterThan(0);
    await page.close();
  });

  it.each(benign)('stays quiet on the benign page %s', async (file) => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/benign/${file}`);
    await settle(page);
    const badge = await badgeText(browser, page);
    verdicts.push({ file, expected: false, flagged: badge !== '' });
    expect(badge).toBe('');
    await page.close();
  });

  it('highlights posts that infinite scroll appends, and drops highlights of removed ones', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/dynamic/infinite-scroll.html`);
    await settle(page);
    expect(await badgeText(browser, page)).toBe('');
    await page.click('#more');
    await expect.poll(() => badgeText(browser, page), { timeout: 5000 }).toBe('1');
    expect((await highlights(page))['tipline-identity-documents']).toBeGreaterThan(0);
    await page.click('#more');
    await expect.poll(() => badgeText(browser, page), { timeout: 5000 }).toBe('2');
    await page.evaluate(() => (window as unknown as { removeFirstAppended(): void }).removeFirstAppended());
    await expect.poll(() => badgeText(browser, page), { timeout: 5000 }).toBe('1');
    await expect.poll(async () => (await highlights(page))['tipline-identity-documents'] ?? 0).toBe(0);
    await page.close();
  });

  it('counts a listing far below the fold at once and paints it when it comes near the viewport', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/dynamic/long-page.html`);
    await settle(page);
    expect(await badgeText(browser, page)).toBe('2');
    const painted = () => page.evaluate(() => CSS.highlights.get('tipline-jammers')?.size ?? 0);
    const onlyTop = await painted();
    expect(onlyTop).toBeGreaterThan(0);
    await page.locator('#bottom').scrollIntoViewIfNeeded();
    await expect.poll(painted, { timeout: 5000 }).toBeGreaterThan(onlyTop);
    await page.close();
  });

  it('finds listings inside open shadow roots', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/dynamic/shadow-dom.html`);
    await settle(page);
    expect(await badgeText(browser, page)).toBe('1');
    expect((await highlights(page))['tipline-jammers']).toBeGreaterThan(0);
    await page.close();
  });

  it('finds listings inside same-origin iframes and paints them in the frame', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/dynamic/iframe-host.html`);
    await settle(page, 1000);
    expect(await badgeText(browser, page)).toBe('1');
    const inFrame = await page.frameLocator('#frame').locator('body').evaluate(() =>
      Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, h.size])),
    );
    expect(inFrame['tipline-counterfeit-invoices']).toBeGreaterThan(0);
    await page.close();
  });
});
