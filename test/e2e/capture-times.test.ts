import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInbox } from '../../server/create-inbox';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { fillReportForm, openReportForm, sendReportForm } from './harness/report-form';
import { setSettings } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

/*
 * Evidence says when it was taken: a form left open before it is sent reports its screenshot's own
 * capture time, not the submit time (src/background/package-report.ts).
 */
describe('capture times in a delivered report', () => {
  let fixtures: StaticServer;
  let dataDir: string;
  let inbox: Awaited<ReturnType<typeof createInbox>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await serveFixtures();
    dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-'));
    inbox = await createInbox({ dataDir, host: '127.0.0.1', port: 0 });
    browser = await launchExtension({ locale: 'en' });
    await setSettings(browser.worker, { endpoint: { url: `${inbox.url}/reports` } });
  });

  afterAll(async () => {
    await browser?.close();
    await inbox?.close();
    await fixtures?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends the screenshot with the time it was taken, 5 s before the report was made', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/listings/firearms-explosives.zh.html`);
    const popup = await openReportForm(browser, page);
    // The reporter reads the page and writes a note before sending.
    await popup.waitForTimeout(5_000);
    await fillReportForm(popup, { category: 'firearms-explosives' });
    await sendReportForm(popup);
    await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');

    const [folder] = (await readdir(dataDir)).filter((name) => /^[0-9a-f-]{36}$/.test(name));
    const report = JSON.parse(await readFile(join(dataDir, folder!, 'report.json'), 'utf8'));
    const shot = report.evidence.find((e: { part: string }) => e.part === 'screenshot');
    const created = Date.parse(report.createdAt);
    expect(created - Date.parse(shot.capturedAt)).toBeGreaterThanOrEqual(5_000);
    expect(report.page.capturedAt).toBe(shot.capturedAt);
    await popup.close();
    await page.close();
  });
});
