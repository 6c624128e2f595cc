import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist/firefox');

export function firefoxPath(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** Firefox over WebDriver BiDi with the built extension installed as a temporary add-on. */
export async function launchFirefoxWithExtension(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('No Firefox found: install Debian firefox-esr or set FIREFOX_PATH');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      // Temporary add-ons get their host permissions without a prompt, as on install.
      'extensions.manifestV3.enabled': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  return { browser, close: () => browser.close() };
}
