/// <reference types="chrome" />
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../server/create-inbox';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { freePort, scriptedEndpoint } from './harness/scripted-endpoint';
import { setSettings, storedReports } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

const PAGE = '<!doctype html><meta charset="utf-8"><title>GPS jammer</title><article><h2>GPS jammer for sale</h2><p>$120 WhatsApp +1 555 0100</p></article>';

let fixtures: StaticServer;
let inbox: Inbox;
let dataDir: string;

async function submitReport(browser: ExtensionBrowser, note: string): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(`${fixtures.url}/listing.html`);
  const popup = await openReportForm(browser, page);
  await fillReportForm(popup, { category: 'jammers', note });
  await sendReportForm(popup);
  await popup.close();
  await page.close();
  const records = await storedReports(browser.worker);
  return records.at(-1)!.id;
}

async function statusOf(browser: ExtensionBrowser, id: string) {
  return (await storedReports(browser.worker)).find((r) => r.id === id);
}

async function inboxFolders(): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => !name.startsWith('.'));
}

beforeEach(async () => {
  fixtures = await serveFixtures({ '/listing.html': () => PAGE });
  dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
  inbox = await createInbox({ dataDir, port: 0, log: () => undefined });
});

afterEach(async () => {
  await inbox.close();
  await fixtures.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('delivery that never loses or duplicates a report', () => {
  it('rides out 503, 429 with Retry-After and a 200 HTML page, then delivers exactly once', async () => {
    const endpoint = await scriptedEndpoint(
      [{ status: 503 }, { status: 429, headers: { 'Retry-After': '1' } }, { status: 200, body: '<html>Welcome to the hotel Wi-Fi</html>', headers: { 'content-type': 'text/html' } }, 'forward'],
      inbox.url,
    );
    const browser = await launchExtension();
    try {
      await setSettings(browser.worker, { endpoint: { url: endpoint.url } });
      const id = await submitReport(browser, 'flaky endpoint');
      await expect.poll(async () => (await statusOf(browser, id))?.status, { timeout: 90_000, interval: 1000 }).toBe('delivered');
      expect(endpoint.posts.map((p) => p.answeredWith)).toEqual([503, 429, 200, 'forward']);
      expect(new Set(endpoint.posts.map((p) => p.idempotencyKey))).toEqual(new Set([id]));
      expect(await inboxFolders()).toEqual([id]);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
      await expect.poll(() => popup.locator(`li[data-id="${id}"] .chip`).getAttribute('data-status')).toBe('delivered');
      await popup.close();
    } finally {
      await browser.close();
      await endpoint.close();
    }
  });

  it('delivers without user action once an endpoint that was down comes up', async () => {
    const port = await freePort();
    const browser = await launchExtension();
    let endpoint: Awaited<ReturnType<typeof scriptedEndpoint>> | undefined;
    try {
      await setSettings(browser.worker, { endpoint: { url: `http://127.0.0.1:${port}/reports` } });
      const id = await submitReport(browser, 'down then up');
      await expect.poll(async () => (await statusOf(browser, id))?.status, { timeout: 20_000 }).toBe('retry');
      endpoint = await scriptedEndpoint(['forward'], inbox.url, port);
      await expect.poll(async () => (await statusOf(browser, id))?.status, { timeout: 90_000, interval: 1000 }).toBe('delivered');
      expect(await inboxFolders()).toEqual([id]);
    } finally {
      await browser.close();
      await endpoint?.close();
    }
  });

  it('delivers exactly once when the service worker is stopped in the middle of a send', async () => {
    const endpoint = await scriptedEndpoint(['hang', 'forward'], inbox.url);
    const browser = await launchExtension();
    try {
      await setSettings(browser.worker, { endpoint: { url: endpoint.url } });
      const id = await submitReport(browser, 'worker stopped');
      await expect.poll(() => endpoint.posts.length, { timeout: 20_000 }).toBe(1);
      expect((await statusOf(browser, id))?.status).toBe('sending');
      // Stop the worker the way the browser does when it reclaims it (DevTools protocol).
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      // Any event wakes it again; opening the history is what a reporter would do.
      const restarted = browser.context.waitForEvent('serviceworker', { timeout: 30_000 });
      await page.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
      const worker = await restarted.catch(() => browser.context.serviceWorkers()[0]!);
      await expect
        .poll(async () => (await worker.evaluate(async (reportId) => {
          const open = indexedDB.open('tipline');
          const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
          const record = await new Promise<{ status: string } | undefined>((resolve) => {
            const request = db.transaction('reports').objectStore('reports').get(reportId);
            request.onsuccess = () => resolve(request.result);
          });
          db.close();
          return record?.status;
        }, id)), { timeout: 90_000, interval: 1000 })
        .toBe('delivered');
      expect(endpoint.posts.map((p) => p.answeredWith)).toEqual(['hang', 'forward']);
      expect(await inboxFolders()).toEqual([id]);
      await page.close();
    } finally {
      await browser.close();
      await endpoint.close();
    }
  });

  it('delivers a report left pending when the browser closed, once it starts again on the same profile', async () => {
    const port = await freePort();
    const profile = await mkdtemp(join(tmpdir(), 'tipline-profile-'));
    let endpoint: Awaited<ReturnType<typeof scriptedEndpoint>> | undefined;
    try {
      const first = await launchExtension({ userDataDir: profile });
      await setSettings(first.worker, { endpoint: { url: `http://127.0.0.1:${port}/reports` } });
      const id = await submitReport(first, 'browser restart');
      await expect.poll(async () => (await statusOf(first, id))?.status, { timeout: 20_000 }).toBe('retry');
      await first.close({ keepProfile: true });
      endpoint = await scriptedEndpoint(['forward'], inbox.url, port);
      const second = await launchExtension({ userDataDir: profile });
      try {
        await expect.poll(async () => (await statusOf(second, id))?.status, { timeout: 90_000, interval: 1000 }).toBe('delivered');
        expect(await inboxFolders()).toEqual([id]);
      } finally {
        await second.close();
      }
    } finally {
      await endpoint?.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('shows a 400 as rejected with the server message and does not retry it', async () => {
    const endpoint = await scriptedEndpoint([{ status: 400, body: '{"error":"This tip line does not take jammer reports."}' }], inbox.url);
    const browser = await launchExtension();
    try {
      await setSettings(browser.worker, { endpoint: { url: endpoint.url } });
      const id = await submitReport(browser, 'rejected');
      await expect.poll(async () => (await statusOf(browser, id))?.status, { timeout: 20_000 }).toBe('rejected');
      expect((await statusOf(browser, id))?.lastError).toBe('This tip line does not take jammer reports.');
      await new Promise((resolve) => setTimeout(resolve, 8000));
      expect(endpoint.posts).toHaveLength(1);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
      await expect.poll(() => popup.locator(`li[data-id="${id}"] .status`).textContent()).toContain('This tip line does not take jammer reports.');
      await popup.close();
    } finally {
      await browser.close();
      await endpoint.close();
    }
  });
});
