/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { saveScreen } from './harness/screens';
import { serveFixtures, type StaticServer } from './harness/static-server';
import { FORUM } from './harness/forum-page';

/*
 * "Pick a listing on the page" in desktop Chromium, the built extension as shipped: the form asks the
 * page for pick mode and closes, the page shows its banner, a page script's synthetic pointerup and
 * click pick nothing, the reporter's click (playwright's clicks are trusted input) on a post's link
 * picks that post without following the link, and the form opens again with its text. Firefox for
 * Android, where this is the only way to name a listing, was not available here (README, Firefox for
 * Android).
 */

const draftPage = (browser: ExtensionBrowser) =>
  browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('draft='), timeout: 20_000 });

/**
 * `narrow` sizes the form as a popup for its screenshots. Not before a capture: playwright's viewport of
 * a tab in the page's window then skews what captureVisibleTab shoots of the page (the crop comes out blank).
 */
async function openForm(browser: ExtensionBrowser, tabId: number, narrow = false): Promise<Page> {
  const form = await browser.openPopup(tabId);
  if (narrow) await form.setViewportSize({ width: 440, height: 900 });
  await form.waitForSelector('body[data-ready]');
  return form;
}

/** Presses the form's button; the form closes once the page waits for the tap. */
async function startPicking(form: Page, page: Page): Promise<void> {
  const closed = form.waitForEvent('close');
  await form.click('#pick-listing');
  await closed;
  await page.locator('[data-tipline-pick]').waitFor({ state: 'attached' });
}

describe('pick a listing on the page (Chromium)', () => {
  let fixtures: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/forum.html': () => FORUM, '/thread/3': () => '<!doctype html><title>Thread 3</title><p>thread</p>' });
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('ignores a page script’s synthetic events, then picks the post the reporter clicks and opens the form with it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/forum.html`);
    await page.waitForTimeout(500);
    const tabId = await browser.tabIdOf(page);
    const form = await openForm(browser, tabId);
    expect(await form.locator('#pick-listing').textContent()).toBe('Pick a listing on the page');
    await startPicking(form, page);
    await saveScreen(page, 'pick-banner-en', false);

    // A page script during pick mode: its events are untrusted, and pick nothing.
    const opened: string[] = [];
    browser.context.on('page', (p) => opened.push(p.url()));
    await page.evaluate(() => {
      const body = document.querySelector('#post-5 p')!;
      body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, cancelable: true, composed: true, button: 0, isPrimary: true }));
      body.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
      (body as HTMLElement).click();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(1500);
    expect(opened).toEqual([]);
    expect(await page.locator('[data-tipline-pick]').count()).toBe(1);

    // The reporter's click on the third post's link: picked, and the link not followed.
    const reopened = draftPage(browser);
    await page.click('#post-3 h2 a');
    const picked = await reopened;
    await picked.waitForSelector('body[data-ready]');
    const text = await picked.locator('#listing-text').textContent();
    expect(text).toContain('Fake passports for sale');
    expect(text).toContain('Post 3');
    expect(text).not.toContain('Post 2');
    expect(text).not.toContain('Post 4');
    expect(await picked.locator('#category').inputValue()).toBe('identity-documents');
    await picked.locator('.evidence img').waitFor();
    expect(await picked.locator('input[name=shot][value=listing]').isChecked()).toBe(true);
    // The crop is the post, not a sliver: about the post's box (1256 x 150 CSS px here).
    const cropSize = () => picked.locator('.evidence img').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    await expect.poll(cropSize).not.toEqual([0, 0]);
    const [width, height] = await cropSize();
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(100);
    expect(page.url()).toBe(`${fixtures.url}/forum.html`);
    expect(await page.locator('[data-tipline-pick]').count()).toBe(0);
    await picked.setViewportSize({ width: 440, height: 900 });
    await saveScreen(picked, 'report-window-picked-en');
    for (const scheme of ['light', 'dark'] as const) {
      await picked.emulateMedia({ colorScheme: scheme });
      await saveScreen(picked, `popup-pick-button-${scheme}-en`);
    }
    await picked.close();
    await page.close();
  });

  it('Escape leaves pick mode: the banner goes and a later click follows its link, no form opens', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/forum.html`);
    await page.waitForTimeout(500);
    await startPicking(await openForm(browser, await browser.tabIdOf(page)), page);
    await page.keyboard.press('Escape');
    await page.locator('[data-tipline-pick]').waitFor({ state: 'detached' });
    const opened: string[] = [];
    browser.context.on('page', (p) => opened.push(p.url()));
    await Promise.all([page.waitForURL(`${fixtures.url}/thread/3`), page.click('#post-3 h2 a')]);
    await page.waitForTimeout(500);
    expect(opened).toEqual([]);
    await page.close();
  });
});

describe('pick a listing on the page, in a Chinese browser (Chromium)', () => {
  let fixtures: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    fixtures = await serveFixtures({ '/forum.html': () => FORUM });
    browser = await launchExtension({ locale: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
  });

  it('labels the button and the banner in Chinese', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${fixtures.url}/forum.html`);
    await page.waitForTimeout(500);
    const form = await openForm(browser, await browser.tabIdOf(page), true);
    expect(await form.locator('#pick-listing').textContent()).toBe('在页面上选择一条信息');
    for (const scheme of ['light', 'dark'] as const) {
      await form.emulateMedia({ colorScheme: scheme });
      await saveScreen(form, `popup-pick-button-${scheme}-zh`);
    }
    await startPicking(form, page);
    await saveScreen(page, 'pick-banner-zh', false);
    await page.close();
  });
});
