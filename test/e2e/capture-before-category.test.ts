/// <reference types="chrome" />
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../../server/create-inbox';
import { axeViolations, describeViolations } from './harness/axe';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import type { CaptureCounts } from './harness/capture-counter';
import { saveScreen } from './harness/screens';
import { setSettings } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

/*
 * Nothing captured from a page reaches the disk before its report's category is known and is not
 * child sexual abuse (docs/PRIVACY.md): the form holds its screenshot in its own memory until then;
 * choosing child sexual abuse discards it; "Report child sexual abuse (URL only)" — the form's button
 * and the context menu's item — takes nothing at all. The test build's worker counts every capture
 * call (test/e2e/harness/capture-counter.ts), and every IndexedDB store and storage area of the
 * extension is searched for what a capture leaves behind.
 */

const SECRET_TEXT = 'Muddy trail report, seat post 27.2 mm';
const PLAIN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trail notes</title></head>
<body style="margin:0;font:16px sans-serif">${Array.from({ length: 6 }, (_, i) => `<article id="post-${i + 1}" style="border:1px solid #999;margin:12px;padding:12px;height:140px;background:hsl(${i * 50},70%,80%)">
<h2><a href="/thread/${i + 1}">Post ${i + 1}</a></h2><p>${SECRET_TEXT} number ${i + 1}.</p></article>`).join('\n')}</body></html>`;

/** Where something a capture leaves behind was found: bytes, a Blob, an image in base64 or text of the page. */
interface Finding {
  where: string;
  what: string;
}

/**
 * Searches every IndexedDB database and store of the extension and its local, session and sync
 * storage for evidence: any Blob or binary array, a PNG or an image data URL in text, an HTML page,
 * or the given text of the page.
 */
async function leftOnDisk(worker: Worker, pageText = SECRET_TEXT): Promise<Finding[]> {
  return worker.evaluate(async (needle) => {
    const found: { where: string; what: string }[] = [];
    const seen = new Set<unknown>();
    function walk(value: unknown, where: string): void {
      if (value === null || value === undefined) return;
      if (typeof value === 'string') {
        if (value.includes('iVBORw0KGgo') || /data:image\//.test(value)) found.push({ where, what: 'image in text' });
        if (/<html|<!doctype/i.test(value)) found.push({ where, what: 'html' });
        if (value.includes(needle)) found.push({ where, what: 'page text' });
        return;
      }
      if (typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (value instanceof Blob) return void found.push({ where, what: `Blob ${value.type} ${value.size} B` });
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return void found.push({ where, what: 'bytes' });
      for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
    }
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of [...db.objectStoreNames]) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        records.forEach((record, i) => walk(record, `indexedDB ${info.name}/${name}/${(record as { id?: string } | null)?.id ?? i}`));
      }
      db.close();
    }
    for (const area of ['local', 'session', 'sync'] as const) walk(await chrome.storage[area].get(null), `storage.${area}`);
    return found;
  }, pageText);
}

/** What is on disk now that was not at `baseline` (reports made by earlier tests keep their evidence). */
async function newOnDisk(worker: Worker, baseline: readonly Finding[]): Promise<Finding[]> {
  const known = new Set(baseline.map((f) => `${f.where} ${f.what}`));
  return (await leftOnDisk(worker)).filter((f) => !known.has(`${f.where} ${f.what}`));
}

const counts = (worker: Worker) => worker.evaluate(() => (globalThis as unknown as { tiplineCaptureCounts(): CaptureCounts }).tiplineCaptureCounts());

describe('no capture on disk before a category other than child sexual abuse is known', () => {
  let fixtures: StaticServer;
  let dataDir: string;
  let inbox: Awaited<ReturnType<typeof createInbox>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/plain.html': () => PLAIN });
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0, log: () => undefined });
    browser = await launchExtension({ testHooks: true });
    await setSettings(browser.worker, { endpoint: { url: `${inbox.url}/reports` } });
  });

  afterAll(async () => {
    await browser?.close();
    await inbox?.close();
    await fixtures?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openPlain(): Promise<{ page: Page; tabId: number }> {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/plain.html`);
    return { page, tabId: await browser.tabIdOf(page) };
  }

  /** Clicks one of Tipline's menu items over a link of the page, as the browser's menu would, and returns the form it opens. */
  async function clickMenuItem(tabId: number, item: { menuItemId: string; path: string; srcIsLink?: boolean; selectionText?: string }): Promise<Page> {
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('draft=') });
    await browser.worker.evaluate(
      async ({ id, link, menuItemId, srcIsLink, selectionText }) => {
        const tab = await chrome.tabs.get(id);
        const click = (globalThis as unknown as { tiplineMenuClicked(info: unknown, tab: unknown): Promise<unknown> }).tiplineMenuClicked;
        const extra = { ...(srcIsLink ? { srcUrl: link } : {}), ...(selectionText ? { selectionText } : {}) };
        await click({ menuItemId, pageUrl: tab.url, linkUrl: link, ...extra, editable: false }, tab);
      },
      { id: tabId, link: `${fixtures.url}/${item.path}`, menuItemId: item.menuItemId, srcIsLink: item.srcIsLink ?? false, selectionText: item.selectionText ?? '' },
    );
    return opened;
  }

  /** The newest report the inbox stored, and the files it stored for it. */
  async function delivered(popup: Page): Promise<{ report: { page: { title: string }; evidence: unknown[]; matches: unknown[]; listing?: unknown; category: string }; files: string[] }> {
    await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');
    const folders = (await readdir(dataDir)).filter((name) => /^[0-9a-f-]{36}$/.test(name));
    const reports = await Promise.all(folders.map(async (folder) => ({ folder, report: JSON.parse(await readFile(join(dataDir, folder, 'report.json'), 'utf8')) })));
    const newest = reports.sort((a, b) => Date.parse(b.report.createdAt) - Date.parse(a.report.createdAt))[0]!;
    return { report: newest.report, files: (await readdir(join(dataDir, newest.folder))).sort() };
  }

  /** Files of a stored report other than the document, its hash list and the receipt: its evidence. */
  const evidenceFiles = (files: string[]) => files.filter((name) => !['report.json', 'receipt.json', 'SHA256SUMS'].includes(name));

  it('holds the screenshot in the form only until a category is chosen, then stores it', async () => {
    const { page, tabId } = await openPlain();
    const baseline = await leftOnDisk(browser.worker);
    const before = await counts(browser.worker);
    const popup = await browser.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.waitForSelector('body[data-ready]');
    await popup.locator('.evidence img').waitFor();
    expect((await counts(browser.worker)).captureVisibleTab - before.captureVisibleTab).toBe(1);
    expect(await popup.locator('#category').inputValue()).toBe('');
    expect(await popup.locator('[data-part=screenshot]').getAttribute('data-stored')).toBe('false');
    await popup.locator('#held-notice').waitFor();
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(popup);
      expect(violations, describeViolations(violations)).toEqual([]);
      await saveScreen(popup, `popup-held-${scheme}-en`);
    }
    await popup.emulateMedia({ colorScheme: null });

    // Sent without a category: refused with a message, still nothing stored.
    await popup.click('#submit');
    await expect.poll(() => popup.locator('#form-status').textContent()).toBe('Choose a category first. Nothing from the page is saved until you do.');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('category');
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);

    await popup.selectOption('#category', 'drugs-precursors');
    await expect.poll(() => popup.locator('[data-part=screenshot]').getAttribute('data-stored')).toBe('true');
    const stored = await newOnDisk(browser.worker, baseline);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ where: expect.stringMatching(/^indexedDB tipline\/parts\//), what: expect.stringMatching(/^Blob image\/png \d+ B$/) });
    expect(await popup.locator('#form-status').textContent()).toBe('');
    await popup.click('#submit');
    const { report, files } = await delivered(popup);
    expect(report.category).toBe('drugs-precursors');
    expect(files).toContain('screenshot.png');
    await popup.close();
    await page.close();
  });

  it('discards a screenshot already stored when the category becomes child sexual abuse, and sends the address alone', async () => {
    const { page, tabId } = await openPlain();
    const baseline = await leftOnDisk(browser.worker);
    const popup = await browser.openPopup(tabId);
    await popup.waitForSelector('body[data-ready]');
    await popup.locator('.evidence img').waitFor();
    await popup.selectOption('#category', 'other');
    await expect.poll(() => popup.locator('[data-part=screenshot]').getAttribute('data-stored')).toBe('true');
    await expect.poll(() => newOnDisk(browser.worker, baseline).then((found) => found.filter((f) => f.what.startsWith('Blob')).length)).toBe(1);
    await popup.selectOption('#category', 'child-sexual-abuse');
    await popup.locator('#csam-notice').waitFor();
    expect(await popup.locator('.evidence img').count()).toBe(0);
    await expect.poll(() => newOnDisk(browser.worker, baseline)).toEqual([]);
    await popup.click('#submit');
    const { report, files } = await delivered(popup);
    expect(report).toMatchObject({ category: 'child-sexual-abuse', evidence: [], matches: [], page: { title: '' } });
    expect(report.listing).toBeUndefined();
    expect(evidenceFiles(files)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('drops a held screenshot when child sexual abuse is chosen from the list: preview gone, nothing stored, nothing taken after', async () => {
    const { page, tabId } = await openPlain();
    const baseline = await leftOnDisk(browser.worker);
    const popup = await browser.openPopup(tabId);
    await popup.waitForSelector('body[data-ready]');
    await popup.locator('.evidence img').waitFor();
    const before = await counts(browser.worker);
    await popup.selectOption('#category', 'child-sexual-abuse');
    await popup.locator('#csam-notice').waitFor();
    expect(await popup.locator('.evidence img').count()).toBe(0);
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);
    await popup.click('#submit');
    const { report, files } = await delivered(popup);
    expect(report).toMatchObject({ category: 'child-sexual-abuse', evidence: [], page: { title: '' } });
    expect(evidenceFiles(files)).toEqual([]);
    expect(await counts(browser.worker)).toEqual(before);
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the form\'s URL-only button drops the held screenshot and takes nothing more: no capture, no message to the page', async () => {
    const { page, tabId } = await openPlain();
    const baseline = await leftOnDisk(browser.worker);
    const popup = await browser.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.waitForSelector('body[data-ready]');
    await popup.locator('.evidence img').waitFor();
    const before = await counts(browser.worker);
    await popup.click('#report-url-only');
    expect(await popup.locator('#category').inputValue()).toBe('child-sexual-abuse');
    expect(await popup.locator('.evidence img').count()).toBe(0);
    await popup.locator('#csam-notice').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(popup);
      expect(violations, describeViolations(violations)).toEqual([]);
      await saveScreen(popup, `popup-url-only-${scheme}-en`);
    }
    await popup.fill('#note', 'URL only.');
    await popup.click('#submit');
    const { report, files } = await delivered(popup);
    expect(report).toMatchObject({ category: 'child-sexual-abuse', evidence: [], matches: [], page: { url: `${fixtures.url}/plain.html`, title: '' } });
    expect(evidenceFiles(files)).toEqual([]);
    const after = await counts(browser.worker);
    console.log(`URL-only button: capture calls from the click to delivery ${JSON.stringify(after)} vs before ${JSON.stringify(before)}`);
    expect(after).toEqual(before);
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the context menu\'s URL-only item opens the form having captured nothing and asked the page nothing', async () => {
    const { page, tabId } = await openPlain();
    const baseline = await leftOnDisk(browser.worker);
    await page.click('#post-2 h2 a', { button: 'right' });
    const before = await counts(browser.worker);
    const popup = await clickMenuItem(tabId, { menuItemId: 'tipline-report-url-only', path: 'thread/2', srcIsLink: true, selectionText: 'Post 2' });
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.locator('#category').inputValue()).toBe('child-sexual-abuse');
    expect(await popup.locator('.evidence, #listing-text').count()).toBe(0);
    expect(await popup.locator('#page-title').textContent()).not.toContain('Trail notes');
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);
    await popup.click('#submit');
    const { report, files } = await delivered(popup);
    expect(report).toMatchObject({ category: 'child-sexual-abuse', evidence: [], matches: [], page: { url: `${fixtures.url}/plain.html`, title: '' } });
    expect(report.listing).toBeUndefined();
    expect(evidenceFiles(files)).toEqual([]);
    const after = await counts(browser.worker);
    console.log(`URL-only menu item: ${JSON.stringify(after)} vs before ${JSON.stringify(before)}; report files ${files.join(', ')}`);
    expect(after).toEqual(before);
    await popup.close();
    await page.close();
  });

  it('the right-click "Report this listing" holds its listing and both shots in the form until a category is chosen', async () => {
    const { page, tabId } = await openPlain();
    const baseline = await leftOnDisk(browser.worker);
    await page.click('#post-4 h2 a', { button: 'right' });
    const before = await counts(browser.worker);
    const popup = await clickMenuItem(tabId, { menuItemId: 'tipline-report-listing', path: 'thread/4' });
    await popup.waitForSelector('body[data-ready]');
    expect(await popup.locator('#listing-text').textContent()).toContain(`${SECRET_TEXT} number 4`);
    await popup.locator('.evidence img').waitFor();
    expect(await popup.locator('input[name=shot]').count()).toBe(2);
    expect((await counts(browser.worker)).captureVisibleTab - before.captureVisibleTab).toBe(1);
    expect(await popup.locator('#category').inputValue()).toBe('');
    expect(await newOnDisk(browser.worker, baseline)).toEqual([]);
    await popup.selectOption('#category', 'hacking-tools');
    await expect.poll(() => newOnDisk(browser.worker, baseline).then((found) => found.filter((f) => f.what.startsWith('Blob image/png')).length)).toBe(2);
    // The listing's text is not stored with them: it goes only into the report, when it is made.
    expect((await newOnDisk(browser.worker, baseline)).filter((f) => f.what === 'page text')).toEqual([]);
    await popup.click('#submit');
    const { report, files } = await delivered(popup);
    expect(report.category).toBe('hacking-tools');
    expect(files).toContain('screenshot.png');
    await popup.close();
    await page.close();
  });
});

describe('the held screenshot and the URL-only entry in a Chinese browser', () => {
  it('reads in Chinese', async () => {
    const fixtures = await serveFixtures({ '/plain.html': () => PLAIN });
    const browser = await launchExtension({ locale: 'zh-CN' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${fixtures.url}/plain.html`);
      const popup = await browser.openPopup(await browser.tabIdOf(page));
      await popup.setViewportSize({ width: 420, height: 800 });
      await popup.waitForSelector('body[data-ready]');
      await popup.locator('.evidence img').waitFor();
      expect(await popup.locator('#report-url-only').textContent()).toBe('举报儿童性虐待内容（仅网址）');
      expect(await popup.locator('#category option[value=""]').textContent()).toBe('请选择类别…');
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await saveScreen(popup, `popup-held-${scheme}-zh-CN`);
      }
      await popup.click('#submit');
      await expect.poll(() => popup.locator('#form-status').textContent()).toBe('请先选择类别。选择之前，不会保存页面的任何内容。');
      await popup.click('#report-url-only');
      await popup.locator('#csam-notice').waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await saveScreen(popup, `popup-url-only-${scheme}-zh-CN`);
      }
    } finally {
      await browser.close();
      await fixtures.close();
    }
  });
});
