/// <reference types="chrome" />
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../server/create-inbox';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { storedReports } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

/*
 * A user who withheld Tipline's site access (Chrome's "Site access: on click", set here through the
 * same private API the chrome://extensions toggle uses, then allowing only the site being reported)
 * still gets reports delivered: saving the
 * endpoint asks the browser for its host (src/options/endpoint-access-request.ts), reports wait with
 * a reason meanwhile (src/background/queue.ts), and go as soon as access is granted (docs/SECURITY.md).
 * Headless Chromium cannot click the browser's prompt, so the user's "Allow" is given the way the
 * extension's details page gives it, to the same host.
 */

const PAGE = '<!doctype html><meta charset="utf-8"><title>GPS jammer</title><article><h2>GPS jammer for sale</h2><p>$120 WhatsApp +1 555 0100</p></article>';

describe('an endpoint on a host whose access the user withheld', () => {
  let browser: ExtensionBrowser;
  let fixtures: StaticServer;
  let inbox: Inbox;
  let dataDir: string;
  let extensionsPage: Page;

  const hostAccess = () =>
    extensionsPage.evaluate(async (id) => {
      const info = await (chrome as unknown as { developerPrivate: { getExtensionInfo(id: string): Promise<{ permissions: { runtimeHostPermissions: unknown } }> } }).developerPrivate.getExtensionInfo(id);
      return info.permissions.runtimeHostPermissions as { hostAccess: string; hosts: { host: string; granted: boolean }[] };
    }, browser.extensionId);

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/listing.html': () => PAGE });
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, port: 0, log: () => undefined });
    browser = await launchExtension();
    extensionsPage = await browser.context.newPage();
    await extensionsPage.goto('chrome://extensions/');
    await extensionsPage.evaluate(async (id) => {
      const developer = (chrome as unknown as { developerPrivate: { updateExtensionConfiguration(update: object): Promise<void> } }).developerPrivate;
      await developer.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' });
    }, browser.extensionId);
    expect((await hostAccess()).hostAccess).toBe('ON_CLICK');
    // The site being reported (served as localhost) is one the user allowed; the endpoint's is not.
    await extensionsPage.evaluate(async (id) => {
      const developer = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }).developerPrivate;
      await developer.addHostPermission(id, 'http://localhost/*');
    }, browser.extensionId);
  });

  afterAll(async () => {
    await browser?.close();
    await inbox?.close();
    await fixtures?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('asks for the endpoint’s host on save, holds the report with a reason, and delivers it once access is granted', async () => {
    const endpointUrl = `${inbox.url}/reports`;
    expect(new URL(endpointUrl).hostname).toBe('127.0.0.1');
    expect(await browser.worker.evaluate((url) => chrome.permissions.contains({ origins: [url] }), 'http://127.0.0.1/*')).toBe(false);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
    await options.fill('#endpoint-url', endpointUrl);
    await options.click('#endpoint-save');
    // The browser's prompt is open (headless shows no window): the page says what it waits for.
    await expect.poll(() => options.locator('#endpoint-status').textContent()).toMatch(/asks whether Tipline may reach 127\.0\.0\.1/);
    const saved = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/get' }))) as { data: { endpoint: { url: string } } };
    expect(saved.data.endpoint.url).toBe(endpointUrl);

    // A report made meanwhile (from a page on another host name) waits, and says why.
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url.replace('127.0.0.1', 'localhost')}/listing.html`);
    // With site access on click, a form opened without a click on the toolbar button gets no screenshot.
    const popup = await openReportForm(browser, page, { screenshot: false });
    await fillReportForm(popup, { category: 'jammers', note: 'site access withheld' });
    await sendReportForm(popup);
    const id = (await storedReports(browser.worker)).at(-1)!.id;
    await expect.poll(async () => (await storedReports(browser.worker)).find((r) => r.id === id)).toMatchObject({
      status: 'retry',
      lastError: expect.stringMatching(/does not let Tipline reach 127\.0\.0\.1/),
    });
    expect(await readdir(dataDir)).toEqual([]);

    // The user allows it: the report goes at once, not at its next retry, and the options page says so.
    await extensionsPage.evaluate(async (extensionId) => {
      const developer = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }).developerPrivate;
      await developer.addHostPermission(extensionId, 'http://127.0.0.1/*');
    }, browser.extensionId);
    await expect.poll(async () => (await storedReports(browser.worker)).find((r) => r.id === id)?.status, { timeout: 20_000 }).toBe('delivered');
    expect((await readdir(dataDir)).filter((name) => !name.startsWith('.'))).toEqual([id]);
    await expect.poll(() => options.locator('#endpoint-status').textContent()).toMatch(/Tipline may reach 127\.0\.0\.1/);
    expect((await hostAccess()).hosts).toContainEqual({ host: 'http://127.0.0.1/*', granted: true });
  });
});
