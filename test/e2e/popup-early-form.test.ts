/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { badgeText } from './harness/page-state';
import { saveScreen } from './harness/screens';
import { serveFixtures, type StaticServer } from './harness/static-server';

/*
 * The report form can be used before the worker has answered with the page's context (its title,
 * address and findings, src/popup/form-load.ts): the category is there to choose at once, and the
 * page's suggestion, arriving later, leaves a category the reporter chose alone. The test holds the
 * form's `tab/context` message in the page until it releases it, so the order is certain.
 */

const PAGE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>二手市场 — 出售气狗</title></head>
<body><h1>二手市场</h1>
<article><h2>出售气狗 仿真枪 全套配件</h2><p>价格 1800元，货到付款，联系 QQ 12345678</p></article>
</body></html>`;

/**
 * Runs in the form's page before its scripts: a `tab/context` message waits until
 * `__tiplineReleaseContext()` is called; every other message goes at once.
 */
function holdContext(): void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const w = window as unknown as { __tiplineReleaseContext: () => void; __tiplineContextAsked: boolean };
  w.__tiplineReleaseContext = release;
  w.__tiplineContextAsked = false;
  const runtimes = [chrome.runtime, (globalThis as unknown as { browser?: { runtime?: typeof chrome.runtime } }).browser?.runtime];
  for (const runtime of runtimes) {
    if (!runtime?.sendMessage) continue;
    const send = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => unknown;
    const held = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type !== 'tab/context') return send(...args);
      w.__tiplineContextAsked = true;
      return released.then(() => send(...args));
    };
    Object.defineProperty(runtime, 'sendMessage', { value: held, configurable: true, writable: true });
  }
}

/** Opens a tab on the listing and, once the page is scanned, the form for it with its context held. */
async function openHeld(browser: ExtensionBrowser, fixtures: StaticServer): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto(`${fixtures.url}/listing.html`);
  // The page's findings are in: the late answer suggests firearms.
  await expect.poll(() => badgeText(browser, page), { timeout: 15_000 }).not.toBe('');
  const tabId = await browser.tabIdOf(page);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 700 });
  await popup.addInitScript(holdContext);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-usable]');
  await popup.waitForFunction(() => (window as unknown as { __tiplineContextAsked: boolean }).__tiplineContextAsked);
  return { page, popup };
}

/** The form as it looks before the worker answers, light and dark (test-results/screens/). */
async function saveEarlyScreens(popup: Page, tag: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await saveScreen(popup, `popup-early-${scheme}-${tag}`);
  }
  await popup.emulateMedia({ colorScheme: null });
}

const release = (popup: Page) => popup.evaluate(() => (window as unknown as { __tiplineReleaseContext: () => void }).__tiplineReleaseContext());

describe('the report form before the page’s context arrives', () => {
  let browser: ExtensionBrowser;
  let fixtures: StaticServer;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/listing.html': () => PAGE });
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('can be used at once, and keeps the category chosen then when the page suggests another', async () => {
    const { page, popup } = await openHeld(browser, fixtures);
    expect(await popup.locator('#category').isEnabled()).toBe(true);
    expect(await popup.locator('#page-url').textContent()).toBe('');
    expect(await popup.locator('#matches-pending').textContent()).toBe('Loading…');
    expect(await popup.evaluate(() => document.body.hasAttribute('data-ready'))).toBe(false);
    expect(await popup.evaluate(() => performance.getEntriesByName('tipline-popup-usable').length)).toBe(1);

    await saveEarlyScreens(popup, 'en');

    await popup.selectOption('#category', 'jammers');
    await release(popup);
    await popup.waitForSelector('body[data-ready]');
    await expect.poll(() => popup.locator('#page-url').textContent()).toBe(`${fixtures.url}/listing.html`);
    await expect.poll(() => popup.locator('.matches .phrase').count()).toBeGreaterThan(0);
    expect(await popup.locator('#category').inputValue()).toBe('jammers');

    await popup.locator('.evidence img').waitFor();
    await expect.poll(() => popup.locator('[data-part=screenshot]').getAttribute('data-stored')).toBe('true');
    await popup.click('#submit');
    await popup.locator('#done-heading').waitFor();
    const stored = await browser.worker.evaluate(
      () =>
        new Promise<{ category: string; matches: { category: string }[] }[]>((resolve, reject) => {
          const open = indexedDB.open('tipline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('reports').objectStore('reports').getAll();
            request.onsuccess = () => {
              resolve((request.result as { report: { category: string; matches: { category: string }[] } }[]).map((record) => record.report));
              open.result.close();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.category).toBe('jammers');
    expect(stored[0]?.matches.some((match) => match.category === 'firearms-explosives')).toBe(true);
    await popup.close();
    await page.close();
  });

  it('is shown the same way in Chinese, then fills in', async () => {
    const zh = await launchExtension({ locale: 'zh-CN' });
    try {
      const { popup } = await openHeld(zh, fixtures);
      expect(await popup.locator('label[for=category]').textContent()).toMatch(/[\u4e00-\u9fff]/);
      await saveEarlyScreens(popup, 'zh');
      await release(popup);
      await expect.poll(() => popup.locator('#page-url').textContent()).toBe(`${fixtures.url}/listing.html`);
      expect(await popup.locator('#category').inputValue()).toBe('firearms-explosives');
    } finally {
      await zh.close();
    }
  });
});
