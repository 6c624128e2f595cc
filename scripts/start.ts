/// <reference types="chrome" />
/**
 * `npm start`: build the extension, run the reference inbox on 127.0.0.1:8787 with its data in ./data and
 * fresh credentials (a submit token for the extension, a reviewer token for reading), and where there is a
 * display, open Chromium with the extension loaded and pointed at the inbox with the submit token
 * (README.md, Quick start). Receipts are signed with the key in .tmp/receipt-key.pem, made on the
 * first start and kept, so that earlier receipts still verify (docs/INBOX.md, Signed receipts).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInbox } from '../server/create-inbox';
import { hashPassword } from '../server/auth';
import { writeReceiptKey } from '../server/receipt-signer';

const here = resolve(import.meta.dirname, '..');
const port = Number(process.env.TIPLINE_INBOX_PORT ?? 8787);
const dataDir = resolve(here, process.env.TIPLINE_INBOX_DATA ?? 'data');

const built = spawnSync(process.execPath, ['--import', 'tsx', resolve(here, 'scripts/build.ts')], { stdio: 'inherit', cwd: here });
if (built.status !== 0) process.exit(built.status ?? 1);

await mkdir(dataDir, { recursive: true });
// New credentials on every start unless given: the submit token goes into the extension, the reviewer
// token reads the list (as a bearer token, or as the password of the user "reviewer" in a browser).
const submitToken = process.env.TIPLINE_INBOX_TOKEN || randomBytes(24).toString('base64url');
const reviewerToken = process.env.TIPLINE_INBOX_REVIEWER_TOKEN || randomBytes(24).toString('base64url');
const receiptKeyFile = resolve(here, process.env.TIPLINE_INBOX_RECEIPT_KEY ?? '.tmp/receipt-key.pem');
if (!existsSync(receiptKeyFile)) {
  await mkdir(dirname(receiptKeyFile), { recursive: true });
  await writeReceiptKey(receiptKeyFile);
}
const inbox = await createInbox({
  dataDir,
  host: '127.0.0.1',
  port,
  token: submitToken,
  reviewerToken,
  reviewerUser: 'reviewer',
  reviewerPasswordHash: await hashPassword(reviewerToken),
  receiptKeyFile,
});
const endpoint = `${inbox.url}/reports`;
console.log(
  [
    '',
    `Tip inbox listening on ${inbox.url} — endpoint: ${endpoint}, data: ${dataDir}`,
    `  Submit token (the extension's access token): ${submitToken}`,
    `  Reviewer token: ${reviewerToken}`,
    `  Read reports at ${inbox.url}/ — sign in as "reviewer" with the reviewer token as password,`,
    `  or: curl -H "Authorization: Bearer ${reviewerToken}" ${inbox.url}/reports.json`,
    `  Receipts are signed with ${receiptKeyFile}; its public key is at ${inbox.url}/receipt-key`,
  ].join('\n'),
);

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
    // Answers the inbox's Basic sign-in for the reviewer page this opens; only for the inbox's origin.
    httpCredentials: { username: 'reviewer', password: reviewerToken, origin: inbox.url },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Through the worker's messages from the options page, as a reporter would: the token lives in the
  // worker's database, not in storage.local (src/background/settings-store.ts).
  const options = await context.newPage();
  await options.goto(new URL('options/index.html', worker.url()).href);
  await options.evaluate(
    async ({ url, token }) => {
      const current = (await chrome.runtime.sendMessage({ type: 'settings/get' })) as { ok: boolean; data?: Record<string, unknown> };
      if (!current.ok || !current.data) throw new Error('could not read the extension settings');
      const saved = (await chrome.runtime.sendMessage({ type: 'settings/save', settings: { ...current.data, endpoint: { url, token } } })) as { ok: boolean; error?: string };
      if (!saved.ok) throw new Error(`could not save the endpoint: ${saved.error ?? 'unknown error'}`);
    },
    { url: endpoint, token: submitToken },
  );
  await options.close();
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(inbox.url);
  console.log('Chromium is open with Tipline loaded and pointed at the inbox with the submit token. Close it or press Ctrl+C to stop.');
  closeBrowser = () => context.close();
} else {
  console.log(
    [
      '',
      'No display here, so no browser was opened. To try the extension:',
      `  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${resolve(here, 'dist/chrome')}`,
      `  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on" → ${resolve(here, 'dist/firefox/manifest.json')}`,
      `  Then in the extension's settings set the endpoint to ${endpoint} and the access token to ${submitToken}`,
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
