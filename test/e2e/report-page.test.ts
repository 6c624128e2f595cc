import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../../server/create-inbox';
import { writeReceiptKey } from '../../server/receipt-signer';
import { receiptMessage, signedReceiptSchema } from '../../src/shared/signed-receipt';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { recordingProxy, type RecordingProxy } from './harness/recording-proxy';
import { saveScreen } from './harness/screens';
import { setSettings, storedReports } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

const LISTING_PAGE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>二手市场 — 出售气狗</title></head>
<body><h1>二手市场</h1>
<article><h2>出售气狗 仿真枪 全套配件</h2><p>价格 1800元，货到付款，联系 QQ 12345678</p></article>
<article><h2>Fake passports for sale</h2><p>Real-looking fake passports, $450, discreet shipping. Telegram @docs_seller</p></article>
</body></html>`;

/**
 * The form's section saying why each suspect listing is suspect (src/popup/listing-reasons.tsx): its
 * heading, and for the fixture's listings at least one line with a reason, a price among them.
 */
async function expectReasons(popup: Page, heading: string, reason: RegExp): Promise<void> {
  await expect.poll(() => popup.locator('#why-heading').textContent()).toBe(heading);
  const lines = await popup.locator('#why-list .why-line').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.some((text) => reason.test(text)), lines.join('\n')).toBe(true);
  expect(await popup.locator('#why-list .why-phrases').first().textContent()).not.toBe('');
}

/** The reasons section in light and dark, cropped to it and the phrase list above it. */
async function saveReasonScreens(popup: Page, tag: string): Promise<void> {
  await popup.locator('#why-heading').scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await saveScreen(popup, `popup-reasons-${tag}-${scheme}`);
  }
  await popup.emulateMedia({ colorScheme: null });
}

/** What the extension stored of the endpoint's signed receipt for a report, read from its IndexedDB. */
function storedSignedReceipt(browser: ExtensionBrowser, id: string): Promise<unknown> {
  return browser.worker.evaluate(
    (reportId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tipline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('reports').objectStore('reports').get(reportId);
          request.onsuccess = () => {
            resolve((request.result as { signedReceipt?: unknown } | undefined)?.signedReceipt ?? null);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    id,
  );
}

describe('report a page end to end', () => {
  let fixtures: StaticServer;
  let dataDir: string;
  let keyDir: string;
  let inbox: Awaited<ReturnType<typeof createInbox>>;
  let proxy: RecordingProxy;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/listing.html': () => LISTING_PAGE });
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    keyDir = await mkdtemp(join(tmpdir(), 'tipline-receipt-key-'));
    await writeReceiptKey(join(keyDir, 'receipt-key.pem'));
    inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0, receiptKeyFile: join(keyDir, 'receipt-key.pem') });
    proxy = await recordingProxy(inbox.url);
    browser = await launchExtension({ locale: 'en' });
    await setSettings(browser.worker, { endpoint: { url: `${proxy.url}/reports` } });
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await inbox?.close();
    await fixtures?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(keyDir, { recursive: true, force: true });
  });

  it('sends the report with a verified screenshot to the inbox, keeps its signed receipt, which verifies, and shows it in history', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listing.html`);
    const tabId = await browser.tabIdOf(page);

    const opened = Date.now();
    const popup = await browser.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 800 });
    await popup.waitForSelector('body[data-ready]');
    const wallMs = Date.now() - opened;
    const sinceNavigation = await popup.evaluate(() => performance.getEntriesByName('tipline-popup-interactive')[0]?.startTime ?? -1);
    console.log(`popup open to interactive: ${sinceNavigation.toFixed(0)} ms from navigation start (${wallMs} ms including opening the tab)`);
    expect(sinceNavigation).toBeGreaterThan(0);

    await expect.poll(() => popup.locator('#page-url').textContent()).toBe(`${fixtures.url}/listing.html`);
    await popup.locator('.evidence img').waitFor();
    await expectReasons(popup, 'Why these listings are suspect', /^[^:]+: .*\b(unambiguous phrase|name of the goods|price|contact handle|sale word)\b/);
    await saveReasonScreens(popup, 'en');
    await popup.selectOption('#category', 'firearms-explosives');
    await popup.fill('#note', 'Air guns sold openly with a QQ contact.');
    await saveScreen(popup, 'popup-report-en');
    await popup.click('#submit');

    const status = popup.locator('[role=status][data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');

    const folders = (await readdir(dataDir)).filter((name) => /^[0-9a-f-]{36}$/.test(name));
    expect(folders).toHaveLength(1);
    const folder = join(dataDir, folders[0]!);
    const report = JSON.parse(await readFile(join(folder, 'report.json'), 'utf8'));
    expect(report.category).toBe('firearms-explosives');
    expect(report.page.url).toBe(`${fixtures.url}/listing.html`);
    expect(report.page.title).toBe('二手市场 — 出售气狗');
    expect(report.note).toBe('Air guns sold openly with a QQ contact.');
    expect(report.reporter).toBeNull();

    const png = await readFile(join(folder, 'screenshot.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const screenshot = report.evidence.find((e: { part: string }) => e.part === 'screenshot');
    expect(screenshot.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(screenshot.bytes).toBe(png.length);

    const posts = proxy.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['idempotency-key']).toBe(report.id);
    expect(posts[0]!.headers.authorization).toBeUndefined();

    const receipt = JSON.parse(await readFile(join(folder, 'receipt.json'), 'utf8')).receipt as string;
    await popup.click('#tab-history');
    const item = popup.locator(`li[data-id="${report.id}"]`);
    await expect.poll(() => item.locator('[data-receipt]').textContent()).toBe(receipt);
    await expect.poll(() => item.locator('.chip').getAttribute('data-status')).toBe('delivered');
    await saveScreen(popup, 'popup-history-en');

    // The inbox signed its receipt; the extension kept it, and it verifies with the key it names.
    const signed = signedReceiptSchema.parse(await storedSignedReceipt(browser, report.id));
    const reportBytes = await readFile(join(folder, 'report.json'));
    expect(signed).toMatchObject({ id: report.id, reportSha256: createHash('sha256').update(reportBytes).digest('hex'), keyId: inbox.receiptKeyId, keyUrl: `${proxy.url}/receipt-key` });
    const key = createPublicKey(await (await fetch(signed.keyUrl)).text());
    const message = Buffer.from(receiptMessage(signed), 'utf8');
    const signature = Buffer.from(signed.signature, 'base64');
    expect(verify(null, message, key, signature)).toBe(true);
    message[message.length - 1]! ^= 0x01;
    expect(verify(null, message, key, signature)).toBe(false);
    await expect.poll(() => item.locator('[data-receipt-signed]').count()).toBe(1);
    await item.locator('button.link').click();
    await expect.poll(() => popup.locator('[data-signed-receipt]').textContent()).toContain(signed.keyUrl);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await saveScreen(popup, `popup-detail-signed-en-${scheme}`);
    }
    await popup.emulateMedia({ colorScheme: null });
    await popup.close();
    await page.close();
  });

  it('keeps a report whose endpoint is down and shows it as not delivered', async () => {
    await setSettings(browser.worker, { endpoint: { url: 'http://127.0.0.1:9/reports' } });
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listing.html`);
    const popup = await openReportForm(browser, page);
    await fillReportForm(popup, { category: 'firearms-explosives', note: 'endpoint down' });
    await sendReportForm(popup);
    const status = popup.locator('[role=status][data-status]');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('retry');

    const records = await storedReports(browser.worker);
    const kept = records.filter((r) => r.status === 'retry');
    expect(kept).toHaveLength(1);
    expect(kept[0]!.lastError).toBe('network error');
    await popup.click('#tab-history');
    await expect.poll(() => popup.locator(`li[data-id="${kept[0]!.id}"] .chip`).getAttribute('data-status')).toBe('retry');
    await popup.close();
    await page.close();
  });

  it('sends nothing anywhere with no endpoint, and says the report is kept locally', async () => {
    await setSettings(browser.worker, { endpoint: null });
    const before = proxy.requests.length;
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listing.html`);
    const popup = await openReportForm(browser, page);
    await fillReportForm(popup, { category: 'firearms-explosives' });
    await sendReportForm(popup);
    await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status')).toBe('local');
    expect(proxy.requests.length).toBe(before);
    await popup.close();
    await page.close();
  });
});

describe('local data', () => {
  it('deletes every report and its evidence from the options page, after a confirmation', async () => {
    const browser = await launchExtension();
    const fixtures = await serveFixtures({ '/listing.html': () => LISTING_PAGE });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${fixtures.url}/listing.html`);
      const popup = await openReportForm(browser, page);
      await fillReportForm(popup, { category: 'firearms-explosives' });
      await sendReportForm(popup);
      await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status')).toBe('local');
      expect(await storedReports(browser.worker)).toHaveLength(1);
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
      await saveScreen(options, 'options-en');
      options.once('dialog', (dialog) => void dialog.accept());
      await options.click('#clear-all');
      await expect.poll(() => storedReports(browser.worker).then((r) => r.length)).toBe(0);
      const parts = await browser.worker.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('tipline');
            open.onsuccess = () => {
              const count = open.result.transaction('parts').objectStore('parts').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
      expect(parts).toBe(0);
    } finally {
      await browser.close();
      await fixtures.close();
    }
  });
});

describe('report form in a Chinese browser', () => {
  it('reads in Chinese', async () => {
    const fixtures = await serveFixtures({ '/listing.html': () => LISTING_PAGE });
    const browser = await launchExtension({ locale: 'zh-CN' });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${fixtures.url}/listing.html`);
      const popup = await browser.openPopup(await browser.tabIdOf(page));
      await popup.setViewportSize({ width: 420, height: 800 });
      await popup.waitForSelector('body[data-ready]');
      expect(await popup.locator('#submit').textContent()).toBe('提交举报');
      expect(await popup.locator('label[for=category]').textContent()).toBe('类别');
      expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
      await popup.locator('.evidence img').waitFor();
      await expectReasons(popup, '这些信息为何可疑', /^[^：]+：.*(明确的违禁词语|商品名称|价格|联系方式|出售用语)/);
      await saveReasonScreens(popup, 'zh-CN');
      await saveScreen(popup, 'popup-report-zh-CN');
      await popup.click('#tab-history');
      await popup.getByText('还没有举报。').waitFor();
      await saveScreen(popup, 'popup-history-zh-CN');
    } finally {
      await browser.close();
      await fixtures.close();
    }
  });
});
