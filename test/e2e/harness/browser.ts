/// <reference types="chrome" />
import { chromium, type BrowserContext, type Worker, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST_CHROME = resolve(import.meta.dirname, '../../../dist/chrome');

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
  userDataDir?: string;
  viewport?: { width: number; height: number };
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) throw new Error('dist/chrome is missing: run npm run build first');
  const locale = options.locale ?? 'en';
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tipline-e2e-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    locale,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...CHROMIUM_FLAGS, `--lang=${locale}`, `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

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
