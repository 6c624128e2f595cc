/// <reference types="chrome" />
/**
 * `npm start`: build the extension, run the reference inbox on 127.0.0.1:8787 with its data in ./data,
 * and where there is a display, open Chromium with the extension loaded and pointed at the inbox (README.md, Quick start).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInbox } from '../server/create-inbox';

const here = resolve(import.meta.dirname, '..');
const port = Number(process.env.TIPLINE_INBOX_PORT ?? 8787);
const dataDir = resolve(here, process.env.TIPLINE_INBOX_DATA ?? 'data');

const built = spawnSync(process.execPath, ['--import', 'tsx', resolve(here, 'scripts/build.ts')], { stdio: 'inherit', cwd: here });
if (built.status !== 0) process.exit(built.status ?? 1);

await mkdir(dataDir, { recursive: true });
const inbox = await createInbox({ dataDir, host: '127.0.0.1', port, token: process.env.TIPLINE_INBOX_TOKEN });
const endpoint = `${inbox.url}/reports`;
console.log(`\nTip inbox listening on ${inbox.url} — reports: ${inbox.url}/ , endpoint: ${endpoint}, data: ${dataDir}`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path));
let closeBrowser: (() => Promise<void>) | undefined;

if (hasDisplay && chromium && !process.env.CI) {
  const { chromium: driver } = await import('playwright-core');
  const dist = resolve(here, 'dist/chrome');
  const context = await driver.launchPersistentContext(resolve(here, '.tmp/profile'), {
    executablePath: chromium,
    headless: false,
    viewport: null,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', '--disable-sync'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (url) => {
    const stored = (await chrome.storage.local.get('settings')).settings ?? {};
    await chrome.storage.local.set({ settings: { ...stored, endpoint: { url } } });
  }, endpoint);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(inbox.url);
  console.log('Chromium is open with Tipline loaded and pointed at the inbox. Close it or press Ctrl+C to stop.');
  closeBrowser = () => context.close();
} else {
  console.log(
    [
      '',
      'No display here, so no browser was opened. To try the extension:',
      `  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${resolve(here, 'dist/chrome')}`,
      `  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on" → ${resolve(here, 'dist/firefox/manifest.json')}`,
      `  Then in the extension's settings set the endpoint to ${endpoint}`,
      '',
      'The inbox keeps running; press Ctrl+C to stop.',
    ].join('\n'),
  );
}

async function stop(): Promise<void> {
  await closeBrowser?.().catch(() => undefined);
  await inbox.close();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
