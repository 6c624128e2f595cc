import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxPath, launchFirefoxWithExtension } from './harness/firefox';
import { FIXTURES, serveFixtures, type StaticServer } from './harness/static-server';

const listings = readdirSync(join(FIXTURES, 'listings')).filter((name) => name.endsWith('.html')).sort();
const benign = readdirSync(join(FIXTURES, 'benign')).filter((name) => name.endsWith('.html')).sort();

/*
 * Firefox: the content script is driven for real, over WebDriver BiDi. BiDi refuses to navigate a tab
 * to moz-extension:// pages; the report form, its history and the options page are driven in Firefox
 * over Marionette instead, with the add-on's UUID pinned (test/e2e/firefox-report.test.ts,
 * test/e2e/harness/marionette.ts). The badge, the toolbar button and the right-click menu are driven in
 * Chromium only (README.md, Tests).
 */
describe.skipIf(!firefoxPath())('detection in Firefox', () => {
  let fixtures: StaticServer;
  let firefox: { browser: Browser; close(): Promise<void> };

  beforeAll(async () => {
    fixtures = await serveFixtures();
    firefox = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await firefox?.close();
    await fixtures?.close();
  });

  /** The page's highlights 1.2 s after `load`, or as soon as `name` has some (the scanner is injected after `load`, once the page is idle). */
  async function highlightsOf(path: string, name?: string): Promise<Record<string, number>> {
    const page = await firefox.browser.newPage();
    try {
      await page.goto(`${fixtures.url}${path}`, { waitUntil: 'load' });
      if (name) await page.waitForFunction((wanted) => (CSS.highlights.get(wanted)?.size ?? 0) > 0, { timeout: 10_000, polling: 50 }, name).catch(() => undefined);
      else await new Promise((resolve) => setTimeout(resolve, 1200));
      return await page.evaluate(() => Object.fromEntries([...CSS.highlights].map(([name, h]) => [name, h.size])));
    } finally {
      await page.close();
    }
  }

  it.each(listings.filter((_, i) => i % 2 === 0))('highlights the listings of %s', async (file) => {
    const category = file.split('.')[0]!;
    const marks = await highlightsOf(`/listings/${file}`, `tipline-${category}`);
    expect(marks[`tipline-${category}`] ?? 0, JSON.stringify(marks)).toBeGreaterThan(0);
  });

  it.each(benign)('paints no listing on the benign page %s', async (file) => {
    const marks = await highlightsOf(`/benign/${file}`);
    const listingMarks = Object.entries(marks).filter(([name, size]) => name !== 'tipline-weak' && size > 0);
    expect(listingMarks).toEqual([]);
  });
});
