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
    browser = await launchExtension();
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

  it('runs the exact scan of candidate blocks in the worker, not on the page', async () => {
    const scanned = () => browser.worker.evaluate(() => (globalThis as unknown as { tiplineBlocksScanned(): number }).tiplineBlocksScanned());
    const before = await scanned();
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listings/drugs-precursors.zh.html`);
    await settle(page);
    expect(await badgeText(browser, page)).toMatch(/^\d+$/);
    expect(await scanned()).toBeGreaterThan(before);
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
