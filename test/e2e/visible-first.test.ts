/// <reference types="chrome" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PHRASE_LISTS } from '../../src/phrases';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { badgeText, highlights } from './harness/page-state';
import type { ScanRequest } from './harness/scan-log';

/*
 * What is on screen is scanned first (src/content/visible-blocks.ts, page-scanner.ts): on a long page
 * opened at a listing far down, the page's first exact scan is of the listings in view, not of the
 * first ones in the document; the whole page is still counted once. The scan plan comes with the
 * injected scanner, so the page's first request is for its text.
 */

const LISTINGS = 400;
const TARGET = 300;
const phrase = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries).find((entry) => entry.strength === 'strong' && entry.category === 'drugs-precursors' && entry.lang === 'zh')!.phrase;

function longPage(): string {
  const items = Array.from({ length: LISTINGS }, (_, n) => `<li id="l${n}"><h3>出售 ${n}</h3><p>${phrase} 价格 1800元 微信 abc${n}x</p><p>取货方便，欢迎咨询。</p></li>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>long</title></head><body><ul>${items.join('')}</ul></body></html>`;
}

/** The listing numbers a scan request's blocks hold. */
const numbersIn = (request: ScanRequest) => request.blocks.flatMap((block) => [...block.matchAll(/abc(\d+)x/g)].map((match) => Number(match[1])));

describe('visible-first scan order (Chromium)', () => {
  let browser: ExtensionBrowser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(longPage()));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The test build: its worker logs the exact-scan requests in order.
    browser = await launchExtension({ testHooks: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('scans the listings in view first on a page opened far down, then counts the whole page once', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/long#l${TARGET}`);
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => badgeText(browser, page), { timeout: 20_000 }).toBe(String(LISTINGS));
    const inView = await page.evaluate(() => [...document.querySelectorAll('li')].filter((li) => {
      const box = li.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }).map((li) => Number(li.id.slice(1))));
    expect(inView).toContain(TARGET);
    expect(inView).not.toContain(0);

    const messages = (await browser.worker.evaluate(() => (globalThis as unknown as { tiplineScanLog: () => ScanRequest[] }).tiplineScanLog())).filter((request) => request.tabId === tabId);
    // The scan plan came with the scanner (src/background/inject-scanner.ts): the page did not ask for one.
    expect(messages.map((message) => message.type)).toContain('content/inject-scanner');
    expect(messages.map((message) => message.type)).not.toContain('content/scan-plan');
    const requests = messages.filter((message) => message.type === 'content/scan-blocks');
    const first = numbersIn(requests[0]!);
    // In document order the first request would hold listing 0 and the 199 after it.
    expect(first).toContain(TARGET);
    expect(first.every((n) => inView.includes(n))).toBe(true);
    // Every listing scanned exactly once, however the order went.
    const all = requests.flatMap(numbersIn).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: LISTINGS }, (_, n) => n));
    // What is in view is painted.
    expect((await highlights(page))['tipline-drugs-precursors']).toBeGreaterThan(0);
    await page.close();
  });
});
