import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../../server/create-inbox';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { setSettings } from './harness/settings';

/*
 * A report's `page.provenance` (src/background/navigation-recorder.ts, provenance.ts) in a real
 * Chromium: a page reached through 302 → 301 → 200 on a local server, every response carrying a header
 * that is not on the allow-list; and a page whose address changed without a request of its own.
 */

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Provenance</title></head><body><h1>A listing</h1></body></html>';
const FINAL_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  server: 'tipline-test-server',
  etag: '"listing-v1"',
  'last-modified': 'Sat, 05 Dec 2026 12:00:00 GMT',
};

/** The chain: /start answers 302 to /moved, which answers 301 to /listing; every page is a 200. */
async function chainServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hop = { 'x-test-hop': path, 'cache-control': 'no-store' };
    if (path === '/start') res.writeHead(302, { ...hop, location: '/moved' }).end();
    else if (path === '/moved') res.writeHead(301, { ...hop, location: '/listing' }).end();
    else res.writeHead(200, { ...FINAL_HEADERS, ...hop, 'content-length': Buffer.byteLength(PAGE) }).end(PAGE);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

describe('provenance of the reported page', () => {
  let site: Awaited<ReturnType<typeof chainServer>>;
  let dataDir: string;
  let inbox: Awaited<ReturnType<typeof createInbox>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    site = await chainServer();
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0, log: () => undefined });
    browser = await launchExtension({ locale: 'en' });
    await setSettings(browser.worker, { endpoint: { url: `${inbox.url}/reports` } });
  });

  afterAll(async () => {
    await browser?.close();
    await inbox?.close();
    await site?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Reports the tab's page from the form, waits for the inbox to store it, and returns what it stored. */
  async function reportOf(page: Page, note: string): Promise<{ page: { url: string; provenance?: unknown } }> {
    const popup = await openReportForm(browser, page);
    await fillReportForm(popup, { category: 'jammers', note });
    await sendReportForm(popup);
    await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');
    await popup.close();
    for (const folder of (await readdir(dataDir)).filter((name) => /^[0-9a-f-]{36}$/.test(name))) {
      const report = JSON.parse(await readFile(join(dataDir, folder, 'report.json'), 'utf8'));
      if (report.note === note) return report;
    }
    throw new Error(`the inbox stored no report with the note ${note}`);
  }

  it('lists the redirect chain, the statuses, 127.0.0.1 and the allowed headers only', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/start`);
    expect(page.url()).toBe(`${site.url}/listing`);
    const report = await reportOf(page, 'redirect chain');
    expect(report.page.url).toBe(`${site.url}/listing`);
    const provenance = report.page.provenance as { redirects: unknown; status: number; ip: string; headers: Record<string, string> };
    expect(provenance.redirects).toEqual([
      { url: `${site.url}/start`, status: 302 },
      { url: `${site.url}/moved`, status: 301 },
    ]);
    expect(provenance.status).toBe(200);
    expect(provenance.ip).toBe('127.0.0.1');
    // Node's server adds Date; the others are the final response's own. X-Test-Hop and Cache-Control are not on the list.
    expect(Object.keys(provenance.headers).sort()).toEqual(['content-length', 'content-type', 'date', 'etag', 'last-modified', 'server']);
    expect(provenance.headers).toMatchObject({ ...FINAL_HEADERS, 'content-length': String(Buffer.byteLength(PAGE)) });
    expect(Number.isNaN(Date.parse(provenance.headers.date!))).toBe(false);
    console.log(`provenance of the test chain: ${JSON.stringify(provenance)}`);
    await page.close();
  });

  it('leaves provenance out when the page changed its address without a request (history.pushState), not for a fragment', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/listing`);
    await page.evaluate(() => history.pushState({}, '', '/listing/route-2'));
    await expect.poll(() => browser.tabIdOf(page).then(() => true, () => false)).toBe(true);
    const moved = await reportOf(page, 'after pushState');
    expect(moved.page.url).toBe(`${site.url}/listing/route-2`);
    expect(moved.page).not.toHaveProperty('provenance');

    // The same document under a fragment is still the page the request fetched.
    await page.goto(`${site.url}/listing`);
    await page.evaluate(() => {
      location.hash = 'photos';
    });
    await expect.poll(() => browser.tabIdOf(page).then(() => true, () => false)).toBe(true);
    const fragment = await reportOf(page, 'after a fragment');
    expect(fragment.page.url).toBe(`${site.url}/listing#photos`);
    expect(fragment.page.provenance).toMatchObject({ redirects: [], status: 200, ip: '127.0.0.1' });
    await page.close();
  });
});
