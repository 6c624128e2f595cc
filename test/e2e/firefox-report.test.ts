import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../server/create-inbox';
import { firefoxPath } from './harness/firefox';
import { hasChineseLangpack, launchFirefoxMarionette, type MarionetteFirefox } from './harness/marionette';
import { recordingProxy, type RecordingProxy } from './harness/recording-proxy';
import { freePort } from './harness/scripted-endpoint';
import { serveFixtures, type StaticServer } from './harness/static-server';

/*
 * The report form, its history and the options page in Firefox, driven over Marionette
 * (test/e2e/harness/marionette.ts): the add-on is installed as a temporary add-on under a pinned
 * UUID, its options page is the first tab, and the other pages are opened from it as a reporter's
 * browser would open them. Deliveries go to the reference inbox on 127.0.0.1.
 */

const LISTING = '/listings/firearms-explosives.zh.html';
/** A page without suspect phrases: the form suggests no category. */
const PLAIN = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trail notes</title></head><body><h1>Trail notes</h1><p style="height:400px;background:#cde">Muddy but fine after the rain.</p></body></html>';

/**
 * Run in an extension page: every IndexedDB store and the local, session and sync storage areas,
 * searched for what a capture leaves behind (a Blob, bytes, a PNG or image data URL in text).
 */
const LEFT_ON_DISK = `const done = arguments[arguments.length - 1];
(async () => {
  const found = [];
  const walk = (value, where) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') { if (value.includes('iVBORw0KGgo') || /data:image\\//.test(value)) found.push(where + ' image in text'); return; }
    if (typeof value !== 'object') return;
    if (value instanceof Blob) return void found.push(where + ' Blob ' + value.type);
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return void found.push(where + ' bytes');
    for (const [key, inner] of Object.entries(value)) walk(inner, where + '.' + key);
  };
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => { const open = indexedDB.open(info.name); open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    for (const name of [...db.objectStoreNames]) {
      const records = await new Promise((resolve, reject) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      records.forEach((record, i) => walk(record, 'indexedDB ' + info.name + '/' + name + '/' + ((record && record.id) || i)));
    }
    db.close();
  }
  for (const area of ['local', 'session', 'sync']) walk(await browser.storage[area].get(null), 'storage.' + area);
  return found;
})().then(done, (e) => done(['error ' + e]));`;
const TOKEN = 'firefox-token-1';

type Stored = { id: string; status: string; receipt?: string; lastError?: string };

/** Reads every report record from the extension's IndexedDB, from one of its pages. */
const STORED_REPORTS = `const done = arguments[arguments.length - 1];
const open = indexedDB.open('tipline');
open.onerror = () => done({ error: String(open.error) });
open.onsuccess = () => {
  const request = open.result.transaction('reports').objectStore('reports').getAll();
  request.onsuccess = () => { done(request.result.map((r) => ({ id: r.id, status: r.status, receipt: r.receipt, lastError: r.lastError }))); open.result.close(); };
  request.onerror = () => done({ error: String(request.error) });
};`;

/**
 * Saves settings from an extension page through the worker's messages, as the options page does: the
 * token lives in the worker's database, not in storage.local (src/store/secret-store.ts).
 */
const SET_SETTINGS = `const [patch, done] = arguments;
browser.runtime.sendMessage({ type: 'settings/get' })
  .then((reply) => browser.runtime.sendMessage({ type: 'settings/save', settings: { ...reply.data, ...patch } }))
  .then((reply) => done(reply && reply.ok ? null : JSON.stringify(reply)), (e) => done(String(e)));`;

class FirefoxReporter {
  /** The options page, restored as the first extension tab: the place every WebExtension call is made from. */
  readonly home: string;

  private constructor(readonly firefox: MarionetteFirefox, home: string) {
    this.home = home;
  }

  static async start(locale: 'en-US' | 'zh-CN'): Promise<FirefoxReporter> {
    const firefox = await launchFirefoxMarionette({ locale });
    await firefox.session.setWindowSize(1280, 900);
    return new FirefoxReporter(firefox, await firefox.session.currentWindow());
  }

  get session() {
    return this.firefox.session;
  }

  async atHome<T>(run: () => Promise<T>): Promise<T> {
    await this.session.switchTo(this.home);
    return run();
  }

  async setSettings(patch: Record<string, unknown>): Promise<void> {
    const error = await this.atHome(() => this.session.executeAsync<string | null>(SET_SETTINGS, [patch]));
    expect(error).toBeNull();
  }

  async storedReports(): Promise<Stored[]> {
    const reports = await this.atHome(() => this.session.executeAsync<Stored[] | { error: string }>(STORED_REPORTS));
    if (!Array.isArray(reports)) throw new Error(reports.error);
    return reports;
  }

  /** Opens a page in a new tab and returns the extension's id for that tab. */
  async openPage(url: string): Promise<number> {
    await this.session.setWindowSize(1280, 900);
    await this.session.newTab();
    await this.session.navigate(url);
    const script = 'const [url, done] = arguments; browser.tabs.query({}).then((tabs) => done(tabs.find((t) => t.url === url)?.id ?? -1), () => done(-1));';
    const tabId = await this.atHome(() => this.session.executeAsync<number>(script, [url]));
    expect(tabId, `a tab for ${url}`).toBeGreaterThanOrEqual(0);
    return tabId;
  }

  /** The report form for a tab (contract: popup/index.html?tab=<id>), ready to use. */
  async openForm(tabId: number): Promise<void> {
    const url = this.firefox.extensionUrl(`popup/index.html?tab=${tabId}`);
    await this.atHome(() => this.session.openExtensionTab(url));
    await this.session.waitFor('the form to be ready', "return document.body.hasAttribute('data-ready')", Boolean);
    await this.session.setWindowSize(520, 1000);
  }

  async waitForScreenshotPreview(): Promise<void> {
    await this.session.waitFor(
      'the screenshot preview',
      "const img = document.querySelector('.evidence img'); return !!img && img.complete && img.naturalWidth > 0;",
      Boolean,
      30_000,
    );
  }

  async submitStatus(): Promise<string | null> {
    return this.session.execute<string | null>("return document.querySelector('[role=status][data-status]')?.getAttribute('data-status') ?? null");
  }

  async close(): Promise<void> {
    await this.firefox.close();
  }
}

async function reportFolders(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => /^[0-9a-f-]{36}$/.test(name));
}

/** The report that arrived: every declared part is in the folder, with the declared size and SHA-256. */
async function checkArrived(dir: string, id: string) {
  const folder = join(dir, id);
  const report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8'));
  expect(report.id).toBe(id);
  for (const part of report.evidence as { part: string; mediaType: string; bytes: number; sha256: string }[]) {
    const file = part.part === 'screenshot' ? 'screenshot.png' : part.mediaType === 'text/html' ? 'snapshot.html' : 'snapshot.mhtml';
    const bytes = await readFile(join(folder, file));
    expect(bytes.length, file).toBe(part.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(part.sha256);
  }
  const receipt = JSON.parse(await readFile(join(folder, 'receipt.json'), 'utf8')).receipt as string;
  return { report, receipt };
}

describe.skipIf(!firefoxPath())('the report flow in Firefox (Marionette)', () => {
  let fixtures: StaticServer;
  let dataDir: string;
  let inbox: Inbox;
  let proxy: RecordingProxy;
  let ff: FirefoxReporter;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/plain.html': () => PLAIN });
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0, token: TOKEN, log: () => undefined });
    proxy = await recordingProxy(inbox.url);
    ff = await FirefoxReporter.start('en-US');
  });

  afterAll(async () => {
    await ff?.close();
    await proxy?.close();
    await inbox?.close();
    await fixtures?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sets the endpoint and token in the options page; the inbox refuses a wrong token and accepts the right one', async () => {
    const s = ff.session;
    await s.switchTo(ff.home);
    const status = "return document.getElementById('endpoint-status')?.textContent ?? ''";
    await s.type('#endpoint-url', `${proxy.url}/reports`);
    await s.type('#endpoint-token', 'wrong');
    await s.click('#endpoint-test');
    await s.waitFor('the wrong token to be named', status, (text: string) => /token/i.test(text));
    await s.type('#endpoint-token', TOKEN);
    await s.click('#endpoint-test');
    await s.waitFor('the connection test to pass', status, (text: string) => /Connected/.test(text));
    await s.click('#endpoint-save');
    await s.waitFor('the settings to be saved', status, (text: string) => /saved/i.test(text));
    await s.saveScreen('firefox-options-en');
    const settings = await s.executeAsync<{ url: string; token: string }>("const done = arguments[0]; browser.runtime.sendMessage({ type: 'settings/get' }).then((reply) => done(reply.data.endpoint));");
    expect(settings).toMatchObject({ url: `${proxy.url}/reports`, token: TOKEN });
    // storage.local, which a Firefox content process can read, holds the endpoint but not the token.
    const stored = await s.executeAsync<{ url: string; token?: string }>("const done = arguments[0]; browser.storage.local.get('settings').then((s) => done(s.settings.endpoint));");
    expect(stored).toEqual({ url: `${proxy.url}/reports` });
  });

  it('sends a report of a listing page with its screenshot to the inbox, and shows the receipt in the history', async () => {
    const pageUrl = `${fixtures.url}${LISTING}`;
    const tabId = await ff.openPage(pageUrl);
    await ff.openForm(tabId);
    const s = ff.session;
    await s.waitFor('the page address', "return document.getElementById('page-url')?.textContent", (text: string) => text === pageUrl);
    await ff.waitForScreenshotPreview();
    await s.click('#category option[value="firearms-explosives"]');
    expect(await s.execute<string>("return document.getElementById('category').value")).toBe('firearms-explosives');
    await s.type('#note', 'Air guns and detonators offered with WeChat and QQ contacts.');
    await s.saveScreen('firefox-report-en');
    const postsBefore = proxy.requests.filter((r) => r.method === 'POST').length;
    await s.click('#submit');
    await s.waitFor('delivery', "return document.querySelector('[role=status][data-status]')?.getAttribute('data-status')", (status: string) => status === 'delivered', 30_000);

    const folders = await reportFolders(dataDir);
    expect(folders).toHaveLength(1);
    const { report, receipt } = await checkArrived(dataDir, folders[0]!);
    expect(report.category).toBe('firearms-explosives');
    expect(report.page.url).toBe(pageUrl);
    expect(report.page.title).toBe('二手交易论坛');
    expect(report.note).toBe('Air guns and detonators offered with WeChat and QQ contacts.');
    expect(report.client.browser).toMatch(/Firefox\/\d+/);
    const png = await readFile(join(dataDir, report.id, 'screenshot.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(report.evidence.map((e: { part: string }) => e.part)).toContain('screenshot');

    const posts = proxy.requests.filter((r) => r.method === 'POST').slice(postsBefore);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['idempotency-key']).toBe(report.id);
    expect(posts[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);

    await s.click('#tab-history');
    const item = `li[data-id="${report.id}"]`;
    await s.waitFor('the receipt in the history', `return document.querySelector('${item} [data-receipt]')?.textContent`, (text: string) => text === receipt);
    expect(await s.execute(`return document.querySelector('${item} .chip')?.getAttribute('data-status')`)).toBe('delivered');
    await s.saveScreen('firefox-history-en');
    await s.closeWindow();
  });

  it('holds the screenshot in the form until a category is chosen, and its URL-only button sends the address alone', async () => {
    // The test before closed its window: start from the extension's first tab.
    await ff.session.switchTo(ff.home);
    const tabId = await ff.openPage(`${fixtures.url}/plain.html`);
    await ff.openForm(tabId);
    const s = ff.session;
    const baseline = new Set(await s.executeAsync<string[]>(LEFT_ON_DISK));
    const onDisk = async () => (await s.executeAsync<string[]>(LEFT_ON_DISK)).filter((found) => !baseline.has(found));
    await ff.waitForScreenshotPreview();
    expect(await s.execute<string>("return document.getElementById('category').value")).toBe('');
    expect(await s.execute("return document.querySelector('[data-part=screenshot]')?.getAttribute('data-stored')")).toBe('false');
    expect(await onDisk()).toEqual([]);
    await s.click('#category option[value="jammers"]');
    await s.waitFor('the screenshot to be stored', "return document.querySelector('[data-part=screenshot]')?.getAttribute('data-stored')", (stored: string) => stored === 'true');
    expect(await onDisk()).toEqual([expect.stringMatching(/^indexedDB tipline\/parts\/[0-9a-f-]{36}\.blob Blob image\/png$/)]);
    await s.click('#report-url-only');
    await s.waitFor('the notice of a URL-only report', "return !!document.getElementById('csam-notice')", Boolean);
    expect(await s.execute('return document.querySelectorAll(\'.evidence img\').length')).toBe(0);
    // The discard is asked for as the category changes; wait for the database to say it is done.
    for (const deadline = Date.now() + 10_000; (await onDisk()).length > 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await onDisk()).toEqual([]);
    await s.click('#submit');
    await s.waitFor('delivery', "return document.querySelector('[role=status][data-status]')?.getAttribute('data-status')", (status: string) => status === 'delivered', 30_000);
    const arrived = await Promise.all((await reportFolders(dataDir)).map((id) => checkArrived(dataDir, id)));
    const newest = arrived.sort((a, b) => Date.parse(b.report.createdAt) - Date.parse(a.report.createdAt))[0]!.report;
    expect(newest).toMatchObject({ category: 'child-sexual-abuse', evidence: [], matches: [], page: { url: `${fixtures.url}/plain.html`, title: '' } });
    expect(await onDisk()).toEqual([]);
    await s.closeWindow();
  });

  it('keeps a report while the inbox is down and delivers it exactly once when it comes up', async () => {
    const port = await freePort();
    const laterDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    let later: Inbox | undefined;
    const posts: string[] = [];
    try {
      await ff.setSettings({ endpoint: { url: `http://127.0.0.1:${port}/reports`, token: TOKEN } });
      const tabId = await ff.openPage(`${fixtures.url}${LISTING}`);
      await ff.openForm(tabId);
      await ff.waitForScreenshotPreview();
      await ff.session.type('#note', 'inbox down, then up');
      await ff.session.click('#submit');
      await ff.session.waitFor('the report to be kept for a retry', "return document.querySelector('[role=status][data-status]')?.getAttribute('data-status')", (status: string) => status === 'retry', 30_000);
      const kept = (await ff.storedReports()).filter((r) => r.status === 'retry');
      expect(kept).toHaveLength(1);
      const id = kept[0]!.id;
      expect(kept[0]!.lastError).toBe('network error');

      later = await createInbox({ dataDir: laterDir, host: '127.0.0.1', port, token: TOKEN, log: (entry) => entry.method === 'POST' && posts.push(String(entry.status)) });
      const deadline = Date.now() + 60_000;
      let status = '';
      while (status !== 'delivered' && Date.now() < deadline) {
        status = (await ff.storedReports()).find((r) => r.id === id)?.status ?? '';
        if (status !== 'delivered') await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(status).toBe('delivered');
      expect(await reportFolders(laterDir)).toEqual([id]);
      await checkArrived(laterDir, id);
      expect(posts).toEqual(['201']);
    } finally {
      await later?.close();
      await rm(laterDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!firefoxPath() || !hasChineseLangpack())('the report form and options page in a Chinese Firefox (needs Debian firefox-esr-l10n-zh-cn)', () => {
  let fixtures: StaticServer;
  let dataDir: string;
  let inbox: Inbox;
  let ff: FirefoxReporter;

  beforeAll(async () => {
    fixtures = await serveFixtures();
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0, token: TOKEN, log: () => undefined });
    ff = await FirefoxReporter.start('zh-CN');
  });

  afterAll(async () => {
    await ff?.close();
    await inbox?.close();
    await fixtures?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('reads in Chinese: options, the report form and the history with its receipt', async () => {
    const s = ff.session;
    await s.switchTo(ff.home);
    expect(await s.execute('return document.documentElement.lang')).toMatch(/^zh/);
    expect(await s.execute('return document.title')).toMatch(/[\u4e00-\u9fff]/);
    await s.type('#endpoint-url', `${inbox.url}/reports`);
    await s.type('#endpoint-token', TOKEN);
    await s.click('#endpoint-save');
    await s.waitFor('the settings to be saved', "return document.getElementById('endpoint-status')?.textContent ?? ''", (text: string) => /[\u4e00-\u9fff]/.test(text));
    await s.saveScreen('firefox-options-zh');

    const tabId = await ff.openPage(`${fixtures.url}${LISTING}`);
    await ff.openForm(tabId);
    await ff.waitForScreenshotPreview();
    expect(await s.execute('return document.documentElement.lang')).toMatch(/^zh/);
    expect(await s.execute("return document.getElementById('submit').textContent")).toMatch(/[\u4e00-\u9fff]/);
    await s.click('#category option[value="firearms-explosives"]');
    await s.saveScreen('firefox-report-zh');
    await s.click('#submit');
    await s.waitFor('delivery', "return document.querySelector('[role=status][data-status]')?.getAttribute('data-status')", (status: string) => status === 'delivered', 30_000);
    const [id] = await reportFolders(dataDir);
    const { receipt } = await checkArrived(dataDir, id!);
    await s.click('#tab-history');
    await s.waitFor('the receipt in the history', `return document.querySelector('li[data-id="${id}"] [data-receipt]')?.textContent`, (text: string) => text === receipt);
    await s.saveScreen('firefox-history-zh');
  });
});
