import { describe, expect, it } from 'vitest';
import { launchExtension } from './harness/browser';
import { saveScreen } from './harness/screens';
import { serveFixtures } from './harness/static-server';

/*
 * A listing the lists' rules let pass and the offer gate finds (src/matcher/offer-gate.ts): a group that
 * buys bank cards' "four-piece sets", whose name (收卡群, "card-buying group") the rules read as a weak word
 * alone. The report form says why, in each language, light and dark.
 */
const PAGE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>收卡群 — 长期合作</title></head>
<body><h1>收卡群</h1>
<article><p>四件套长期收，一手卡优先，私聊秒结，诚信合作，量大从优</p></article>
<article><p>群规：不发广告，不刷屏。</p></article>
</body></html>`;

describe('a listing the offer gate found', () => {
  for (const [locale, reason] of [
    ['en', "reads as a seller's offer"],
    ['zh-CN', '读来是卖家的报价'],
  ] as const) {
    it(`says so among its reasons in the report form (${locale})`, async () => {
      const fixtures = await serveFixtures({ '/group.html': () => PAGE });
      const browser = await launchExtension({ locale });
      try {
        const page = await browser.context.newPage();
        await page.goto(`${fixtures.url}/group.html`);
        const popup = await browser.openPopup(await browser.tabIdOf(page));
        await popup.setViewportSize({ width: 420, height: 800 });
        await popup.waitForSelector('body[data-ready]');
        await expect.poll(() => popup.locator('#why-list .why-line').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining(reason));
        // The screenshot of the page is in the form before the screens are taken: they show the form as a reporter reads it.
        await popup.locator('.evidence img').waitFor();
        await popup.locator('#why-heading').scrollIntoViewIfNeeded();
        for (const scheme of ['light', 'dark'] as const) {
          await popup.emulateMedia({ colorScheme: scheme });
          await saveScreen(popup, `popup-reasons-gate-${locale}-${scheme}`);
        }
      } finally {
        await browser.close();
        await fixtures.close();
      }
    });
  }
});
