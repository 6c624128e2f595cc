/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './harness/axe';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { saveScreen } from './harness/screens';
import { setSettings } from './harness/settings';
import { serveFixtures, type StaticServer } from './harness/static-server';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Market</title></head><body>
<article id="post"><h2>Fake passports for sale</h2><p>Real-looking fake passports, $450. Telegram @docs_seller</p></article>
</body></html>`;

interface Draft {
  draftId: string;
}

async function expectNoViolations(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Whether the focused element shows a focus indicator (outline or box shadow). */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}

for (const locale of ['en', 'zh-CN'] as const) {
  describe(`accessibility (${locale})`, () => {
    let browser: ExtensionBrowser;
    let fixtures: StaticServer;
    let tabId: number;
    const tag = locale === 'en' ? 'en' : 'zh';

    beforeAll(async () => {
      fixtures = await serveFixtures({ '/market.html': () => PAGE });
      // The test build, for the report window of a listing (the right-click menu's handler, called in the worker).
      browser = await launchExtension({ locale, testHooks: true });
      await setSettings(browser.worker, { endpoint: null });
      const page = await browser.context.newPage();
      await page.goto(`${fixtures.url}/market.html`);
      tabId = await browser.tabIdOf(page);
    });

    afterAll(async () => {
      await browser?.close();
      await fixtures?.close();
    });

    it('options page: no axe violations in light and dark, in the UI language', async () => {
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
      await options.waitForSelector('#phrases-heading');
      expect(await options.getAttribute('html', 'lang')).toBe(locale === 'en' ? 'en' : 'zh-CN');
      if (locale === 'zh-CN') expect(await options.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
      // The check can fail: an image without a text alternative is caught.
      await options.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { id: 'axe-probe', src: 'data:,' })));
      expect((await axeViolations(options)).map((v) => v.id)).toContain('image-alt');
      await options.evaluate(() => document.getElementById('axe-probe')?.remove());
      for (const scheme of ['light', 'dark'] as const) {
        await options.emulateMedia({ colorScheme: scheme });
        await expectNoViolations(options, `options ${scheme}`);
        await saveScreen(options, `options-${scheme}-${tag}`, false);
      }
      await options.close();
    });

    it('report form, history and detail: no axe violations in light and dark', async () => {
      const popup = await browser.openPopup(tabId);
      await popup.setViewportSize({ width: 420, height: 800 });
      await popup.waitForSelector('body[data-ready]');
      await popup.locator('.evidence img').waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await expectNoViolations(popup, `report form ${scheme}`);
        await saveScreen(popup, `popup-${scheme}-${tag}`, false);
      }
      await popup.selectOption('#category', 'identity-documents');
      await popup.click('#submit');
      await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toBe('local');
      await popup.click('#tab-history');
      await popup.locator('.history li').first().waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await expectNoViolations(popup, `history ${scheme}`);
      }
      await popup.locator('.history li button.link').first().click();
      await popup.locator('section.detail').waitFor();
      await expectNoViolations(popup, 'report detail');
      await popup.keyboard.press('Escape');
      await expect.poll(() => popup.locator('section.detail').count()).toBe(0);
      await popup.close();
    });

    it('report window for a listing: no axe violations', async () => {
      const draft: Draft = await browser.worker.evaluate(async (id) => {
        const tab = await chrome.tabs.get(id);
        return (globalThis as unknown as { tiplineReportListing(tab: unknown, info: unknown): Promise<Draft> }).tiplineReportListing(tab, {});
      }, tabId);
      const window = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes(`draft=${draft.draftId}`) });
      await window.setViewportSize({ width: 440, height: 900 });
      await window.waitForSelector('body[data-ready]');
      await expectNoViolations(window, 'report window');
      await window.close();
    });

    it('works with the keyboard alone, with visible focus', async () => {
      // Options: Tab to the endpoint field, type, save with Enter.
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options/index.html`);
      await options.waitForSelector('#endpoint-url');
      let steps = 0;
      while ((await options.evaluate(() => document.activeElement?.id)) !== 'endpoint-url' && steps++ < 10) await options.keyboard.press('Tab');
      expect(await focusVisible(options)).toBe(true);
      await options.keyboard.type('https://tips.example.org/reports');
      await options.keyboard.press('Enter');
      await expect.poll(() => options.locator('#endpoint-status').textContent()).not.toBe('');
      expect(await options.locator('#endpoint-status').getAttribute('class')).toBe('success');
      await options.close();

      // Popup: Tab to the category, pick one with the arrow keys, write a note, submit with Enter.
      const popup = await browser.openPopup(tabId);
      await popup.waitForSelector('body[data-ready]');
      const reached: string[] = [];
      for (steps = 0; steps < 30 && (await popup.evaluate(() => document.activeElement?.id)) !== 'category'; steps++) {
        await popup.keyboard.press('Tab');
        reached.push((await popup.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)) ?? '');
        expect(await focusVisible(popup), `focus visible on ${reached.at(-1)}`).toBe(true);
      }
      expect(await popup.evaluate(() => document.activeElement?.id)).toBe('category');
      await popup.keyboard.press('ArrowDown');
      while ((await popup.evaluate(() => document.activeElement?.id)) !== 'note' && steps++ < 40) await popup.keyboard.press('Tab');
      await popup.keyboard.type('Keyboard only.');
      while ((await popup.evaluate(() => document.activeElement?.id)) !== 'submit' && steps++ < 60) await popup.keyboard.press('Tab');
      expect(await focusVisible(popup)).toBe(true);
      await popup.keyboard.press('Enter');
      await expect.poll(() => popup.locator('[role=status][data-status]').getAttribute('data-status'), { timeout: 30_000 }).toMatch(/delivered|queued|retry|local/);
      await popup.close();
    });
  });
}
