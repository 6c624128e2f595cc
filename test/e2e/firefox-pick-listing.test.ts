import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxPath } from './harness/firefox';
import { launchFirefoxMarionette, MarionetteError, type MarionetteFirefox } from './harness/marionette';
import { serveFixtures, type StaticServer } from './harness/static-server';
import { FORUM } from './harness/forum-page';

/*
 * "Pick a listing on the page" in desktop Firefox, driven over Marionette (test/e2e/harness/marionette.ts)
 * as test/e2e/firefox-report.test.ts drives the report form: the form, opened for the page's tab, asks
 * for pick mode and closes its tab; the page shows the bar; a page script's synthetic events pick
 * nothing; the reporter's click (WebDriver:ElementClick, which Firefox dispatches as trusted input) on a
 * post's link picks that post without following the link, and the form opens again, in a window of its
 * own, with the post's text. Escape (WebDriver:PerformActions, trusted key input) and the bar's
 * Cancel button (a trusted pointer action at its place) leave pick mode.
 * The same flow in Chromium: test/e2e/pick-listing.test.ts, whose forum page (harness/forum-page.ts) this one shares.
 */

const BAR = "return document.querySelectorAll('[data-tipline-pick]').length";

const until = async <T>(label: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new MarionetteError(`timed out after ${timeoutMs} ms waiting for ${label}; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};

class FirefoxPicker {
  private constructor(
    readonly firefox: MarionetteFirefox,
    /** The options page, restored as the first extension tab: where WebExtension calls are made from. */
    readonly home: string,
  ) {}

  static async start(): Promise<FirefoxPicker> {
    const firefox = await launchFirefoxMarionette();
    await firefox.session.setWindowSize(1280, 900);
    return new FirefoxPicker(firefox, await firefox.session.currentWindow());
  }

  get session() {
    return this.firefox.session;
  }

  async atHome<T>(script: string, args: unknown[] = []): Promise<T> {
    await this.session.switchTo(this.home);
    return this.session.executeAsync<T>(script, args);
  }

  /** Opens the page (an address no other open tab has) in a new tab; returns its Marionette handle and the extension's tab id, once the content script answers there. */
  async openPage(url: string): Promise<{ handle: string; tabId: number }> {
    // From the options page: the tab Marionette was last in may have been closed.
    await this.session.switchTo(this.home);
    const handle = await this.session.newTab();
    await this.session.navigate(url);
    const tabId = await this.atHome<number>('const [url, done] = arguments; browser.tabs.query({}).then((tabs) => done(tabs.find((t) => t.url === url)?.id ?? -1), () => done(-1));', [url]);
    expect(tabId, `a tab for ${url}`).toBeGreaterThanOrEqual(0);
    await until(
      'the content script to answer in the page',
      () => this.atHome<boolean>("const [id, done] = arguments; browser.tabs.sendMessage(id, { type: 'content/get-summary' }, { frameId: 0 }).then((r) => done(r?.ok === true), () => done(false));", [tabId]),
      Boolean,
    );
    return { handle, tabId };
  }

  /** Opens the report form for the tab, presses "Pick a listing on the page" and waits for the form's tab to close itself. */
  async startPicking(tabId: number): Promise<void> {
    const s = this.session;
    await s.switchTo(this.home);
    const form = await s.openExtensionTab(this.firefox.extensionUrl(`popup/index.html?tab=${tabId}`));
    await s.waitFor('the form to be ready', "return document.body.hasAttribute('data-ready')", Boolean);
    expect(await s.execute('return document.getElementById("pick-listing").textContent')).toBe('Pick a listing on the page');
    await s.click('#pick-listing');
    await until('the form to close its tab', () => s.windowHandles(), (handles) => !handles.includes(form));
  }

  /** The extension's windows with the addresses of their tabs. */
  windows(): Promise<{ type: string; urls: string[] }[]> {
    return this.atHome(
      'const done = arguments[0]; browser.windows.getAll({ populate: true }).then((ws) => done(ws.map((w) => ({ type: w.type, urls: w.tabs.map((t) => t.url ?? "") }))), (e) => done(String(e)));',
    );
  }

  close(): Promise<void> {
    return this.firefox.close();
  }
}

describe.skipIf(!firefoxPath())('pick a listing on the page in Firefox (Marionette; skipped without Debian firefox-esr or FIREFOX_PATH)', () => {
  let fixtures: StaticServer;
  let ff: FirefoxPicker;
  /** Requests for each thread page: a followed link shows here. */
  const threadHits = new Map<number, number>();

  beforeAll(async () => {
    const routes: Record<string, () => string> = { '/forum.html': () => FORUM };
    for (let n = 1; n <= 8; n++) {
      routes[`/thread/${n}`] = () => {
        threadHits.set(n, (threadHits.get(n) ?? 0) + 1);
        return `<!doctype html><title>Thread ${n}</title><p>thread ${n}</p>`;
      };
    }
    fixtures = await serveFixtures(routes);
    ff = await FirefoxPicker.start();
  });

  afterAll(async () => {
    await ff?.close();
    await fixtures?.close();
  });

  it('ignores a page script’s synthetic events, then picks the post the reporter clicks and opens the form with it', async () => {
    const s = ff.session;
    const forum = `${fixtures.url}/forum.html?for=pick`;
    const page = await ff.openPage(forum);
    await ff.startPicking(page.tabId);

    await s.switchTo(page.handle);
    await s.waitFor('the pick bar', BAR, (count: number) => count === 1);
    expect(await s.execute("return document.querySelector('[data-tipline-pick]').getBoundingClientRect().height")).toBeGreaterThan(20);
    await s.saveScreen('firefox-pick-banner-en', false);

    // A page script during pick mode (WebDriver:ExecuteScript runs in the page's own context): its
    // events are untrusted. The bar would go at once on a pick, so it is read in the same script.
    const handlesBefore = await s.windowHandles();
    const afterSynthetic = await s.execute<{ trusted: boolean[]; bar: number; href: string }>(`
      const trusted = [];
      const note = (e) => trusted.push(e.isTrusted);
      window.addEventListener('click', note);
      const body = document.querySelector('#post-5 p');
      body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, cancelable: true, composed: true, button: 0, isPrimary: true }));
      body.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
      body.click();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      window.removeEventListener('click', note);
      return { trusted, bar: document.querySelectorAll('[data-tipline-pick]').length, href: location.href };`);
    // The page's own listener saw both clicks (pick mode did not swallow them), none trusted.
    expect(afterSynthetic).toEqual({ trusted: [false, false], bar: 1, href: forum });
    // Nothing the worker does on a pick follows either: for 1.5 s, no form opens and the bar stays.
    const quietUntil = Date.now() + 1500;
    while (Date.now() < quietUntil) {
      expect(await s.windowHandles()).toEqual(handlesBefore);
      expect(await s.execute(BAR)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    // The reporter's click on the third post's link: picked, and the link not followed.
    await s.click('#post-3 h2 a');
    const formHandle = await until('the form to open again', () => s.windowHandles(), (handles) => handles.some((h) => !handlesBefore.includes(h))).then(
      (handles) => handles.find((h) => !handlesBefore.includes(h))!,
    );
    expect(await s.execute('return [location.href, document.querySelectorAll("[data-tipline-pick]").length]')).toEqual([forum, 0]);

    await s.switchTo(formHandle);
    const formUrl = await until('the form with the draft', () => s.currentUrl(), (url) => url.includes('draft='));
    expect(formUrl).toContain(`popup/index.html?tab=${page.tabId}`);
    await s.waitFor('the form to be ready', "return document.body.hasAttribute('data-ready')", Boolean);
    const text = await s.waitFor('the listing preview', "return document.getElementById('listing-text')?.textContent ?? ''", (value: string) => value.length > 0);
    expect(text).toContain('Fake passports for sale');
    expect(text).toContain('Post 3');
    expect(text).not.toContain('Post 2');
    expect(text).not.toContain('Post 4');
    expect(await s.execute("return document.getElementById('category').value")).toBe('identity-documents');
    expect(await s.execute("return document.querySelector('input[name=shot][value=listing]')?.checked")).toBe(true);
    // The crop of the post, not a sliver (the post is about 1256 x 150 CSS px).
    const [width, height] = await s.waitFor(
      'the listing crop',
      "const img = document.querySelector('.evidence img'); return img && img.complete ? [img.naturalWidth, img.naturalHeight] : [0, 0];",
      ([w]: [number, number]) => w > 0,
    );
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(100);
    await s.saveScreen('firefox-report-window-picked-en');

    // Firefox has the windows API, so the form came in a popup window of its own.
    const windows = await ff.windows();
    expect(windows.filter((w) => w.urls.some((url) => url.includes('draft=')))).toEqual([{ type: 'popup', urls: [formUrl] }]);
    expect(threadHits.get(3) ?? 0).toBe(0);
    expect(threadHits.get(5) ?? 0).toBe(0);

    await s.switchTo(formHandle);
    await s.closeWindow();
    await s.switchTo(page.handle);
    await s.closeWindow();
  });

  it('Escape leaves pick mode: the bar goes and a later click follows its link, no form opens', async () => {
    const s = ff.session;
    const page = await ff.openPage(`${fixtures.url}/forum.html?for=escape`);
    await ff.startPicking(page.tabId);
    await s.switchTo(page.handle);
    await s.waitFor('the pick bar', BAR, (count: number) => count === 1);

    // Trusted key input, sent to the page's focused element (its body).
    await s.command('WebDriver:PerformActions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }],
    });
    await s.command('WebDriver:ReleaseActions');
    await s.waitFor('the pick bar to go', BAR, (count: number) => count === 0);

    const handlesBefore = await s.windowHandles();
    const hitsBefore = threadHits.get(3) ?? 0;
    await s.click('#post-3 h2 a');
    await s.waitForPage(`${fixtures.url}/thread/3`);
    expect(threadHits.get(3)).toBe(hitsBefore + 1);
    expect(await s.windowHandles()).toEqual(handlesBefore);
    expect((await ff.windows()).some((w) => w.urls.some((url) => url.includes('draft=')))).toBe(false);
    await s.switchTo(page.handle);
    await s.closeWindow();
  });

  it('the bar’s Cancel button, clicked by the reporter, leaves pick mode; a page script’s click on the bar does not', async () => {
    const s = ff.session;
    const page = await ff.openPage(`${fixtures.url}/forum.html?for=cancel`);
    await ff.startPicking(page.tabId);
    await s.switchTo(page.handle);
    await s.waitFor('the pick bar', BAR, (count: number) => count === 1);

    // The button is in a closed shadow root: neither WebDriver:FindElement nor a page script reaches
    // it, so the reporter's click is a pointer action at its place, the bar's right end
    // (content/pick-banner.ts: 14 px of padding, then a button about 85 px wide).
    const [x, y] = await s.execute<[number, number]>(`
      const host = document.querySelector('[data-tipline-pick]');
      const rect = host.getBoundingClientRect();
      host.click();
      window.clicksOnBar = [];
      window.addEventListener('click', (e) => window.clicksOnBar.push(e.isTrusted && e.target === host));
      return [Math.round(rect.right - 56), Math.round(rect.top + rect.height / 2)];`);
    // The page script's own click on the bar did nothing.
    expect(await s.execute(BAR)).toBe(1);
    await s.command('WebDriver:PerformActions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x, y, origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await s.command('WebDriver:ReleaseActions');
    await s.waitFor('the pick bar to go', BAR, (count: number) => count === 0);
    // The trusted click landed on the bar (a click on a post would have picked it, and been kept from the page).
    expect(await s.execute('return window.clicksOnBar')).toEqual([true]);
    expect(await s.currentUrl()).toBe(`${fixtures.url}/forum.html?for=cancel`);
    expect((await ff.windows()).some((w) => w.urls.some((url) => url.includes('draft=')))).toBe(false);
    await s.switchTo(page.handle);
    await s.closeWindow();
  });
});
