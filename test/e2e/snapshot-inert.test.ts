/// <reference types="chrome" />
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath, launchExtension, type ExtensionBrowser } from './harness/browser';

/** A 1×1 PNG; bytes after its IEND chunk are ignored by browsers, which gives distinct files that all display. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const png = (tail: string | Buffer) => Buffer.concat([PIXEL, Buffer.isBuffer(tail) ? tail : Buffer.from(tail)]);
/** Over the 1 MiB a picture may have in a snapshot (src/background/snapshot-inline.ts). */
const BIG = png(Buffer.alloc(1_300_000, 7));

interface Origin {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  server: Server;
}

async function serve(files: (origin: string) => Record<string, { type: string; body: string | Buffer }>): Promise<Origin> {
  const origin: Origin = { url: '', requests: [], server: createServer() };
  origin.server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    origin.requests.push({ path, headers: req.headers });
    const file = files(origin.url)[path];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((done) => origin.server.listen(0, '127.0.0.1', done));
  origin.url = `http://127.0.0.1:${(origin.server.address() as AddressInfo).port}`;
  return origin;
}

const close = (origin: Origin | undefined) => new Promise<void>((done) => (origin ? origin.server.close(() => done()) : done()));

describe('page snapshot', () => {
  let seller: Origin;
  let cdn: Origin;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // The pictures and the stylesheet come from a second origin, as a seller's CDN would serve them.
    cdn = await serve(() => ({
      '/small.png': { type: 'image/png', body: png('small') },
      '/big.png': { type: 'image/png', body: BIG },
      '/r-1x.png': { type: 'image/png', body: png('1x') },
      '/r-2x.png': { type: 'image/png', body: png('2x') },
      '/img/hero.png': { type: 'image/png', body: png('hero') },
      '/css/site.css': { type: 'text/css', body: '.hero { background-image: url("../img/hero.png"); height: 20px } .remote-styled { color: rgb(4, 5, 6) }' },
    }));
    seller = await serve((origin) => ({
      '/offer.html': {
        type: 'text/html; charset=utf-8',
        body: `<!doctype html><html><head><meta charset="utf-8"><title>Offer</title>
<link rel="stylesheet" href="${cdn.url}/css/site.css">
<style>.local > p { color: rgb(1, 2, 3) }</style></head>
<body><div class="local"><p id="local">Fake passports for sale, $450, Telegram @docs_seller</p></div>
<p class="remote-styled" id="remote">styled by the CDN's stylesheet</p>
<img id="small" src="${cdn.url}/small.png" onerror="window.ran = 'onerror'">
<img id="big" src="${cdn.url}/big.png">
<img id="responsive" src="${cdn.url}/r-1x.png" srcset="${cdn.url}/r-1x.png 1x, ${cdn.url}/r-2x.png 2x">
<div id="hero" class="hero">hero</div>
<svg width="120" height="40"><a id="svg-link" xlink:href="javascript:window.ran='svg'"><text x="0" y="20">svg link</text></a></svg>
<form id="buy" action="${origin}/buy" method="post"><input name="q" value="one"><button id="buy-button" formaction="java&#9;script:window.ran='form'">buy</button></form>
<script>window.ran = 'page script'; document.documentElement.dataset.scripted = 'yes';</script>
</body></html>`,
      },
    }));
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await close(seller);
    await close(cdn);
  });

  it('is inert: opened in a fresh browser it makes no request and runs no script, with its pictures inlined', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${seller.url}/offer.html`);
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openPopup(tabId);
    await popup.waitForSelector('body[data-ready]');
    await popup.selectOption('#category', 'identity-documents');
    const cdnBefore = cdn.requests.length;
    const started = Date.now();
    await popup.click('#take-snapshot');
    await popup.locator('[data-part=snapshot]').waitFor({ timeout: 30_000 });
    const took = Date.now() - started;
    // What the worker fetched from the CDN for the copy, and what it sent with it.
    const fetched = cdn.requests.slice(cdnBefore);
    console.log(`snapshot took ${took} ms; the worker fetched ${fetched.length} files: ${fetched.map((r) => r.path).join(', ')}`);
    for (const { headers } of fetched) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }

    // The form stores what it holds once the category allows evidence (src/background/held-evidence.ts).
    const storedSnapshot = () => browser.worker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open('tipline');
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      const parts = await new Promise<{ name: string; mediaType: string; createdAt: number; blob: Blob }[]>((done, fail) => {
        const all = db.transaction('parts').objectStore('parts').getAll();
        all.onsuccess = () => done(all.result);
        all.onerror = () => fail(all.error);
      });
      db.close();
      const snapshot = parts.filter((part) => part.name === 'snapshot').sort((a, b) => b.createdAt - a.createdAt)[0];
      return snapshot ? { mediaType: snapshot.mediaType, text: await snapshot.blob.text() } : null;
    });
    await expect.poll(storedSnapshot, { timeout: 10_000 }).not.toBeNull();
    const stored = (await storedSnapshot())!;
    expect(stored.mediaType).toBe('text/html');
    const html = stored.text;
    await popup.close();
    await page.close();

    // A fresh browser, without the extension, as a reviewer would open the file: every request logged.
    const viewer = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
    try {
      const context = await viewer.newContext();
      const requests: string[] = [];
      context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
      const DOCUMENT = 'http://snapshot.test/snapshot.html';
      await context.route('**/*', (route) => (route.request().url() === DOCUMENT ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
      const view = await context.newPage();
      await view.goto(DOCUMENT);
      await view.waitForFunction(() => [...document.images].every((img) => img.complete));
      // The reviewer clicks what would have run code on the page.
      await view.click('#svg-link');
      // The form's submission is refused by the copy's CSP (page.click would wait for it forever).
      const refused = await view.evaluate(() => new Promise<string>((done) => {
        document.addEventListener('securitypolicyviolation', (event) => done(event.effectiveDirective), { once: true });
        document.querySelector<HTMLButtonElement>('#buy-button')!.click();
      }));
      expect(refused).toBe('form-action');
      const state = await view.evaluate(() => ({
        ran: (window as { ran?: string }).ran ?? null,
        scripts: document.scripts.length,
        small: document.querySelector<HTMLImageElement>('#small')?.getAttribute('src') ?? '',
        responsive: document.querySelector<HTMLImageElement>('#responsive')?.getAttribute('src') ?? '',
        big: document.querySelector<HTMLImageElement>('#big')?.getAttribute('src') ?? '',
        bigOriginal: document.querySelector('#big')?.getAttribute('data-tipline-original-src'),
        svgHref: document.querySelector('#svg-link')?.getAttribute('xlink:href'),
        smallShown: document.querySelector<HTMLImageElement>('#small')?.naturalWidth,
        hero: getComputedStyle(document.querySelector('#hero')!).backgroundImage,
        local: getComputedStyle(document.querySelector('#local')!).color,
        remote: getComputedStyle(document.querySelector('#remote')!).color,
        url: location.href.replace(/#$/, ''),
      }));
      console.log(`opening the snapshot (${html.length} characters) made ${requests.length - 1} requests besides the file itself: ${JSON.stringify(requests)}`);
      expect(requests).toEqual([`GET ${DOCUMENT}`]);
      expect(state.ran).toBeNull();
      expect(state.scripts).toBe(0);
      expect(state.url).toBe(DOCUMENT);
      expect(state.svgHref).toBe('#');
      const dataOf = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
      expect(state.small).toBe(dataOf(png('small')));
      expect(state.smallShown).toBe(1);
      // The picture the page showed from its srcset, at this screen's density.
      expect(state.responsive).toBe(dataOf(png('1x')));
      expect(state.big).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(state.big.split(',')[1]!, 'base64').toString('utf8')).toContain(`${cdn.url}/big.png`);
      expect(state.bigOriginal).toBe(`${cdn.url}/big.png`);
      // The CDN's stylesheet is in the copy, its url() a data: URI; the page's own child selector still applies.
      expect(state.hero).toContain(`url("${dataOf(png('hero'))}")`);
      expect(state.remote).toBe('rgb(4, 5, 6)');
      expect(state.local).toBe('rgb(1, 2, 3)');
      expect(html.slice(0, html.indexOf('-->'))).toMatch(/1 not kept[^\n]*\n {2}http:\/\/127\.0\.0\.1:\d+\/big\.png \(larger than 1048576 bytes\)/);
    } finally {
      await viewer.close();
    }
  });
});
