/// <reference types="chrome" />
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../server/create-inbox';
import { openssl, startLocalTsa, type LocalTsa } from '../support/local-tsa';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { freePort } from './harness/scripted-endpoint';
import { setSettings, storedReports } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

const PAGE = '<!doctype html><meta charset="utf-8"><title>GPS jammer</title><article><h2>GPS jammer for sale</h2><p>$120 WhatsApp +1 555 0100</p></article>';

let fixtures: StaticServer;
let inbox: Inbox;
let dataDir: string;
let browser: ExtensionBrowser;
let tsa: LocalTsa;
let garbage: LocalTsa;

beforeAll(async () => {
  fixtures = await serveFixtures({ '/listing.html': () => PAGE });
  dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-tsa-'));
  inbox = await createInbox({ dataDir, port: 0, log: () => undefined });
  [tsa, garbage] = await Promise.all([startLocalTsa(), startLocalTsa('garbage')]);
});

// A browser of its own for each case: each starts from a fresh profile.
beforeEach(async () => {
  browser = await launchExtension();
});

afterEach(async () => {
  await browser?.close();
});

afterAll(async () => {
  await Promise.all([inbox?.close(), fixtures?.close(), tsa?.close(), garbage?.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

/** Submits a report with the visible screenshot from the form; resolves to its id and how long delivery took. */
async function submitAndDeliver(note: string): Promise<{ id: string; ms: number }> {
  const page = await browser.context.newPage();
  await page.goto(`${fixtures.url}/listing.html`);
  const popup = await openReportForm(browser, page);
  await fillReportForm(popup, { category: 'jammers', note });
  const before = new Set((await storedReports(browser.worker)).map((r) => r.id));
  const started = Date.now();
  await sendReportForm(popup);
  await expect.poll(async () => (await storedReports(browser.worker)).find((r) => !before.has(r.id))?.status, { timeout: 30_000 }).toBe('delivered');
  const ms = Date.now() - started;
  const id = (await storedReports(browser.worker)).find((r) => !before.has(r.id))!.id;
  await popup.close();
  await page.close();
  return { id, ms };
}

async function historyNote(id: string): Promise<{ state: string | null; text: string }> {
  const history = await browser.context.newPage();
  await history.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
  const note = history.locator(`li[data-id="${id}"] [data-timestamp]`);
  await note.waitFor();
  const result = { state: await note.getAttribute('data-timestamp'), text: await note.innerText() };
  await history.close();
  return result;
}

describe('trusted timestamps (RFC 3161) against a local TSA', () => {
  it('sends the report with a timestamp part that openssl ts -verify accepts for the stored and the exported hash list', async () => {
    await setSettings(browser.worker, { endpoint: { url: `${inbox.url}/reports` }, timestampUrl: tsa.url });
    const asked = tsa.requests.length;
    const { id } = await submitAndDeliver('stamped');
    expect(tsa.requests.length - asked).toBe(1);
    const folder = join(dataDir, id);
    expect((await readdir(folder)).sort()).toEqual(['SHA256SUMS', 'receipt.json', 'report.json', 'screenshot.png', 'timestamp.tsr']);
    expect(JSON.parse(await readFile(join(folder, 'report.json'), 'utf8')).evidence.map((e: { part: string }) => e.part)).toEqual(['screenshot']);
    const verified = await openssl(['ts', '-verify', '-in', 'timestamp.tsr', '-data', 'SHA256SUMS', '-CAfile', tsa.caFile], folder);
    expect(verified.stdout).toContain('Verification: OK');
    const shown = await openssl(['ts', '-reply', '-in', 'timestamp.tsr', '-text'], folder);
    expect(shown.stdout).toMatch(/Status: Granted/);
    console.log(`openssl ts -verify (inbox folder): ${verified.stdout.trim()}\n${shown.stdout.split('\n').filter((l) => /Status:|Time stamp:|TSA:|Nonce:/.test(l)).join('\n')}`);
    expect((await historyNote(id)).state).toBe('stamped');

    // The exported package carries the token beside the SHA256SUMS it stamps.
    const history = await browser.context.newPage();
    await history.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=0&view=history`);
    const [download] = await Promise.all([history.waitForEvent('download'), history.locator(`li[data-id="${id}"] [data-action=export]`).click()]);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    await history.close();
    const unpacked = await mkdtemp(join(tmpdir(), 'tipline-package-'));
    try {
      for (const [name, bytes] of Object.entries(files)) await writeFile(join(unpacked, name), bytes);
      expect(Buffer.from(files['SHA256SUMS']!).equals(await readFile(join(folder, 'SHA256SUMS')))).toBe(true);
      expect(Buffer.from(files['timestamp.tsr']!).equals(await readFile(join(folder, 'timestamp.tsr')))).toBe(true);
      const fromPackage = await openssl(['ts', '-verify', '-in', 'timestamp.tsr', '-data', 'SHA256SUMS', '-CAfile', tsa.caFile], unpacked);
      expect(fromPackage.stdout).toContain('Verification: OK');
    } finally {
      await rm(unpacked, { recursive: true, force: true });
    }
  });

  it.each([
    ['is down', async () => `http://127.0.0.1:${await freePort()}/tsr`, /could not be reached in time/],
    ['answers garbage', async () => garbage.url, /could not be used/],
  ])('delivers the report without one when the TSA %s, and history says "No timestamp"', async (_name, tsaUrl, reason) => {
    await setSettings(browser.worker, { endpoint: { url: `${inbox.url}/reports` }, timestampUrl: await tsaUrl() });
    const { id, ms } = await submitAndDeliver('no timestamp');
    console.log(`delivered without a timestamp in ${ms} ms`);
    expect(ms).toBeLessThan(15_000);
    expect((await readdir(join(dataDir, id))).sort()).toEqual(['SHA256SUMS', 'receipt.json', 'report.json', 'screenshot.png']);
    const note = await historyNote(id);
    expect(note.state).toBe('none');
    expect(note.text).toMatch(/^No timestamp/);
    expect(note.text).toMatch(reason);
  });
});
