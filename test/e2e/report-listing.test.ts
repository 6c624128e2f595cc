/// <reference types="chrome" />
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../../server/create-inbox';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { saveScreen } from './harness/screens';
import { setSettings } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

const POSTS = Array.from({ length: 10 }, (_, i) => {
  const n = i + 1;
  const body = n === 3 ? 'Fake passports for sale, real-looking, $450 each. Telegram @docs_seller' : `Ride report number ${n}: the trail was muddy but fine.`;
  return `<article class="post" id="post-${n}" style="border:1px solid #bbb;margin:12px;padding:12px;height:${120 + n * 7}px">
<h2><a href="/thread/1#post-${n}">Post ${n}</a></h2><p>${body}</p></article>`;
}).join('\n');
const FORUM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bike forum</title></head>
<body style="margin:0"><header style="position:sticky;top:0;background:#eee;height:40px">Bike forum</header>${POSTS}</body></html>`;
const LONG = `<!doctype html><html><head><meta charset="utf-8"><title>Long page</title></head><body>${Array.from({ length: 120 }, (_, i) => `<p style="height:60px">Line ${i}</p>`).join('')}</body></html>`;

type Draft = { draftId: string; listing?: { text?: string; linkUrl?: string }; parts: { partId: string; variant: string; bytes: number }[]; error?: string };

function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('report this listing', () => {
  let fixtures: StaticServer;
  let dataDir: string;
  let inbox: Awaited<ReturnType<typeof createInbox>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/forum.html': () => FORUM, '/long.html': () => LONG });
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, port: 0, log: () => undefined });
    // The test build: its worker lets the tests call the right-click menu's handler.
    browser = await launchExtension({ testHooks: true });
    await setSettings(browser.worker, { endpoint: { url: `${inbox.url}/reports` } });
  });

  afterAll(async () => {
    await browser?.close();
    await inbox?.close();
    await fixtures?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('captures the third post, not its neighbours, with a screenshot cropped to it, and delivers verified evidence', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/forum.html`);
    await page.waitForTimeout(500);
    const box = await page.locator('#post-3').boundingBox();
    await page.click('#post-3 h2 a', { button: 'right' });
    const tabId = await browser.tabIdOf(page);
    const started = Date.now();
    const draft: Draft = await browser.worker.evaluate(async ({ id, link }) => {
      const tab = await chrome.tabs.get(id);
      return (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<Draft> }).tiplineReportListing(tab, { linkUrl: link, menuItemId: 'tipline-report-listing' });
    }, { id: tabId, link: `${fixtures.url}/thread/1#post-3` });
    console.log(`listing capture (visible + cropped screenshots): ${Date.now() - started} ms`);
    expect(draft.error).toBeUndefined();
    expect(draft.listing?.text).toContain('Fake passports for sale');
    expect(draft.listing?.text).toContain('Post 3');
    expect(draft.listing?.text).not.toContain('Post 2');
    expect(draft.listing?.text).not.toContain('Post 4');
    expect(draft.listing?.linkUrl).toBe(`${fixtures.url}/thread/1#post-3`);

    const popup = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes(`draft=${draft.draftId}`) });
    await popup.setViewportSize({ width: 440, height: 900 });
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.locator('#listing-text').textContent()).toContain('Fake passports for sale');
    expect(await popup.locator('#category').inputValue()).toBe('identity-documents');
    expect(await popup.locator('input[name=shot][value=listing]').isChecked()).toBe(true);
    await popup.locator('.evidence img').waitFor();
    await saveScreen(popup, 'report-window-listing-en');
    await popup.click('#submit');
    await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');

    const [folder] = (await readdir(dataDir)).filter((name) => !name.startsWith('.'));
    const report = JSON.parse(await readFile(join(dataDir, folder!, 'report.json'), 'utf8'));
    expect(report.listing.text).toContain('Fake passports for sale');
    const png = await readFile(join(dataDir, folder!, 'screenshot.png'));
    const size = pngSize(png);
    // The crop is the post's box (1 CSS px = 1 device px here), give or take rounding at the edges.
    expect(Math.abs(size.width - Math.round(box!.width))).toBeLessThanOrEqual(2);
    expect(Math.abs(size.height - Math.round(box!.height))).toBeLessThanOrEqual(2);
    execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(dataDir, folder!) });
    await popup.close();
    await page.close();
  });

  it('takes a full-page screenshot taller than the viewport and gives the scroll position back', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/long.html`);
    await page.evaluate(() => window.scrollTo(0, 1234));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openPopup(tabId);
    await popup.waitForSelector('body[data-ready]');
    await popup.locator('.evidence img').waitFor();
    const started = Date.now();
    await popup.click('#take-full-page');
    await popup.locator('input[name=shot][value="full-page"]').waitFor({ timeout: 60_000 });
    console.log(`full-page screenshot of a 7,200 px page: ${Date.now() - started} ms`);
    await popup.click('#take-snapshot');
    await popup.locator('[data-part=snapshot]').waitFor({ timeout: 30_000 });
    const chosen = await popup.locator('input[name=shot]:checked').getAttribute('value');
    expect(chosen).toBe('full-page');
    // A page without suspect phrases suggests no category: the reporter chooses one, and only then are the captures stored.
    expect(await popup.locator('#category').inputValue()).toBe('');
    await popup.selectOption('#category', 'other');
    await popup.click('#submit');
    await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');
    const folders = (await readdir(dataDir)).filter((name) => !name.startsWith('.'));
    const newest = (await Promise.all(folders.map(async (f) => ({ f, r: JSON.parse(await readFile(join(dataDir, f, 'report.json'), 'utf8')) })))).find((x) => x.r.page.url.endsWith('/long.html'))!;
    const shot = pngSize(await readFile(join(dataDir, newest.f, 'screenshot.png')));
    const viewport = page.viewportSize()!;
    expect(shot.height).toBeGreaterThan(viewport.height * 2);
    expect(newest.r.evidence.map((e: { part: string }) => e.part).sort()).toEqual(['screenshot', 'snapshot']);
    const files = await readdir(join(dataDir, newest.f));
    const snapshotFile = files.find((f) => f.startsWith('snapshot.'))!;
    console.log(`evidence sizes: full-page PNG ${(await readFile(join(dataDir, newest.f, 'screenshot.png'))).length} B, ${snapshotFile} ${(await readFile(join(dataDir, newest.f, snapshotFile))).length} B`);
    expect(await page.evaluate(() => scrollY)).toBe(1234);
    await popup.close();
    await page.close();
  });

  it('exports an evidence package whose hashes verify with sha256sum -c', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
    await popup.locator('.history li').first().waitFor();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('.history li [data-action=export]').first().click()]);
    const zip = new Uint8Array(await readFile((await download.path())!));
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.json', 'SHA256SUMS', 'summary.html']));
    const dir = await mkdtemp(join(tmpdir(), 'tipline-zip-'));
    try {
      for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
      const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString();
      expect(out).toMatch(/report\.json: OK/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await popup.close();
  });

  it('says clearly that browser pages cannot be reported with evidence', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://version');
    // Extensions are not even told the URL of browser pages; the new tab is the active one.
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    const draft: Draft = await browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      return (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<Draft> }).tiplineReportListing(tab, {});
    }, tabId);
    expect(draft.error).toBe('error_restricted_page');
    expect(draft.parts).toEqual([]);
    const popup = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes(`draft=${draft.draftId}`) });
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.locator('.page-info .notice').count()).toBe(1);
    await popup.close();
    await page.close();
  });
});
