import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './harness/browser';
import { badgeText, settle } from './harness/page-state';
import { serveFixtures, type StaticServer } from './harness/static-server';
import { loadCorpus, readPage } from '../eval/corpus';

/*
 * `npm run eval` judges the evaluation set under a DOM implementation in Node (test/eval/judge.ts).
 * Here 20 of its pages go through the built extension in Chromium, and the badge must say what the
 * evaluation said: the same number of suspect listings, so the numbers it prints are the extension's.
 */

const VERDICTS = resolve(import.meta.dirname, '../../test-results/eval/verdicts.json');
type Verdict = { file: string; label: string; suspectBlocks: number };

/** Ten flagged and ten quiet pages, both languages, picked by a fixed stride so that the pick does not follow the results' order. */
function spotCheck(verdicts: readonly Verdict[]): Verdict[] {
  const pick = (of: Verdict[], n: number) => of.filter((_, i) => i % Math.max(1, Math.floor(of.length / n)) === 0).slice(0, n);
  const sorted = [...verdicts].sort((a, b) => a.file.localeCompare(b.file));
  return [...pick(sorted.filter((v) => v.suspectBlocks > 0), 10), ...pick(sorted.filter((v) => v.suspectBlocks === 0), 10)];
}

const pages = loadCorpus();

describe.skipIf(pages.length === 0)('the evaluation in Node agrees with the extension in Chromium', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let chosen: Verdict[] = [];

  beforeAll(async () => {
    if (!existsSync(VERDICTS)) throw new Error('test-results/eval/verdicts.json is missing: run `npm run eval` (npm test runs it before these tests)');
    const verdicts = JSON.parse(readFileSync(VERDICTS, 'utf8')) as Verdict[];
    chosen = spotCheck(verdicts.filter((v) => pages.some((page) => page.file === v.file)));
    const routes = Object.fromEntries(chosen.map((v) => [`/corpus/${v.file}`, () => readPage(pages.find((page) => page.file === v.file)!)]));
    server = await serveFixtures(routes);
    browser = await launchExtension();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives the badge the evaluation predicts on 20 pages, flagged and quiet', async () => {
    expect(chosen.length).toBe(20);
    const disagreements: string[] = [];
    for (const verdict of chosen) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/corpus/${verdict.file}`);
      await settle(page);
      const badge = await badgeText(browser, page);
      const expected = verdict.suspectBlocks > 0 ? String(verdict.suspectBlocks) : '';
      if (badge !== expected) disagreements.push(`${verdict.file}: Chromium badge "${badge}", evaluation "${expected}"`);
      await page.close();
    }
    expect(disagreements).toEqual([]);
  });
});
