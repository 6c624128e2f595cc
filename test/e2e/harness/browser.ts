/// <reference types="chrome" />
import { chromium, type BrowserContext, type Worker, type Page } from 'playwright-core';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST_CHROME = resolve(import.meta.dirname, '../../../dist/chrome');
/** dist/chrome with the test hooks in its worker (background-with-hooks.ts), made by `npm run build:test`. */
export const DIST_TEST_CHROME = resolve(import.meta.dirname, '../../../dist-test/chrome');

/** Flags this machine needs: no sandbox as root, and no calls home that a closed network would refuse. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install Debian chromium (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Opens the report form for a tab, as the right-click window and the contract allow. */
  openPopup(tabId: number, query?: string): Promise<Page>;
  /** Asks the extension which tab id a page has. */
  tabIdOf(page: Page): Promise<number>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  locale?: 'en' | 'zh-CN';
  /**
   * Loads the test build, whose worker has the hooks that tests call in it (`tiplineReportListing`
   * for the right-click menu headless Chromium cannot click, and the scan counters). Only tests that
   * need them ask for it: every other test runs the extension as shipped.
   */
  testHooks?: boolean;
  userDataDir?: string;
  viewport?: { width: number; height: number };
}

/** The folder to load: dist/chrome, or the test build, which must be at least as new as dist/chrome. */
function extensionFolder(testHooks: boolean): string {
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) throw new Error('dist/chrome is missing: run npm run build first');
  if (!testHooks) return DIST_CHROME;
  const worker = join(DIST_TEST_CHROME, 'background.js');
  if (!existsSync(worker)) throw new Error('dist-test/chrome is missing: run npm run build:test (after npm run build)');
  // A test build older than the last build would test yesterday's pages and content script.
  if (statSync(worker).mtimeMs < statSync(join(DIST_CHROME, 'manifest.json')).mtimeMs) throw new Error('dist-test/chrome is older than dist/chrome: run npm run build:test');
  return DIST_TEST_CHROME;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const folder = extensionFolder(options.testHooks ?? false);
  const locale = options.locale ?? 'en';
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tipline-e2e-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...CHROMIUM_FLAGS, `--lang=${locale}`, `--disable-extensions-except=${folder}`, `--load-extension=${folder}`],
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  // The worker answers the extension's pages at once, under the policy it kept from its last read, but
  // saves settings and sends reports only under the browser's own, which Chromium takes seconds to give
  // after a start (src/background/ui-policy.ts). Tests act at once: they start when it has answered.
  await worker.evaluate(() => chrome.storage.managed.get(null).then(
    () => undefined,
    () => undefined,
  ));

  async function tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const id = await worker.evaluate(async (target) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === target)?.id ?? -1;
    }, url);
    if (id < 0) throw new Error(`no tab for ${url}`);
    return id;
  }

  return {
    context,
    extensionId,
    worker,
    userDataDir,
    tabIdOf,
    async openPopup(tabId, query = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup/index.html?tab=${tabId}${query}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
