import { describe, expect, it } from 'vitest';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { summarise } from '../../../src/content/page-summary';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';
import { pageSummarySchema } from '../../../src/shared/protocol/messages';
import type { BlockFinding, FoundSpan } from '../../../src/shared/protocol/block-scan';

const matcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries));

function span(phrase: string, strength: FoundSpan['strength'], category: FoundSpan['category'] = 'drugs-precursors'): FoundSpan {
  return { startNode: 0, startOffset: 0, endNode: 0, endOffset: phrase.length, phrase, category, strength };
}
const reasons = { strong: false, weak: true, price: true, contact: true, saleWord: false, quoted: false };

describe('page summary', () => {
  it('counts suspect blocks and, for the report, only the phrases of suspect blocks', () => {
    const findings = ['出售枪支 微信 abc12345', '出售枪支 气狗 ¥300', '可开具正规发票', 'hello'].map((text) => matcher.scanBlock([text]));
    const page = summarise('https://shop.example/', findings);
    expect(page.suspectBlocks).toBe(2);
    expect(page.url).toBe('https://shop.example/');
    expect(page.matches).toEqual([
      { phrase: '出售枪支', category: 'firearms-explosives', count: 2 },
      { phrase: '气狗', category: 'firearms-explosives', count: 1 },
    ]);
    expect(page.strongHits).toBe(3);
  });

  it('is empty for a page without findings', () => {
    expect(summarise('https://news.example/', [])).toEqual({ url: 'https://news.example/', matches: [], suspectBlocks: 0, weakHits: 0, strongHits: 0, listings: [] });
  });

  it('lists each suspect block, in the order given, with its category, reasons and distinct phrases', () => {
    const findings: BlockFinding[] = [
      { suspect: true, spans: [span('ketamine', 'weak'), span('ketamine', 'weak'), span('K粉', 'weak')], why: { category: 'drugs-precursors', ...reasons } },
      { suspect: false, spans: [span('glock', 'weak', 'firearms-explosives')] },
      { suspect: true, spans: [span('出售枪支', 'strong', 'firearms-explosives')], why: { category: 'firearms-explosives', ...reasons, strong: true, weak: false, quoted: true } },
    ];
    const page = summarise('https://shop.example/', findings);
    expect(page.listings).toEqual([
      { category: 'drugs-precursors', reasons, phrases: [{ phrase: 'ketamine', strength: 'weak' }, { phrase: 'K粉', strength: 'weak' }] },
      { category: 'firearms-explosives', reasons: { ...reasons, strong: true, weak: false, quoted: true }, phrases: [{ phrase: '出售枪支', strength: 'strong' }] },
    ]);
    // The other fields are as they were.
    expect(page.suspectBlocks).toBe(2);
    expect(page.matches).toEqual([
      { phrase: 'ketamine', category: 'drugs-precursors', count: 2 },
      { phrase: 'K粉', category: 'drugs-precursors', count: 1 },
      { phrase: '出售枪支', category: 'firearms-explosives', count: 1 },
    ]);
    expect(pageSummarySchema.safeParse(page).success).toBe(true);
  });

  it("carries the matcher's reasons through", () => {
    const page = summarise('https://shop.example/', ['出售枪支 微信 abc12345', 'hello'].map((text) => matcher.scanBlock([text])));
    expect(page.listings).toHaveLength(1);
    expect(page.listings?.[0]).toMatchObject({ category: 'firearms-explosives', reasons: { strong: true }, phrases: [{ phrase: '出售枪支', strength: 'strong' }] });
  });

  it('without reasons from the worker, names the category of the first strong phrase', () => {
    const page = summarise('https://shop.example/', [{ suspect: true, spans: [span('fullz', 'weak', 'personal-data'), span('出售枪支', 'strong', 'firearms-explosives')] }]);
    expect(page.listings).toEqual([
      { category: 'firearms-explosives', phrases: [{ phrase: 'fullz', strength: 'weak' }, { phrase: '出售枪支', strength: 'strong' }] },
    ]);
  });

  it('keeps to the limits of the schema: 100 listings, 20 phrases each', () => {
    const many = Array.from({ length: 30 }, (_, index) => span(`phrase ${index}`, index % 2 ? 'weak' : 'strong'));
    const findings: BlockFinding[] = Array.from({ length: 150 }, () => ({ suspect: true, spans: many, why: { category: 'drugs-precursors', ...reasons } }));
    const page = summarise('https://shop.example/', findings);
    expect(page.suspectBlocks).toBe(150);
    expect(page.listings).toHaveLength(100);
    expect(page.listings?.[0]?.phrases).toHaveLength(20);
    expect(page.listings?.[0]?.phrases[0]).toEqual({ phrase: 'phrase 0', strength: 'strong' });
    expect(pageSummarySchema.safeParse(page).success).toBe(true);
  });

  it('is read by the schema without listings too, as an older content script sends it', () => {
    expect(pageSummarySchema.safeParse({ url: 'https://a.example/', matches: [], suspectBlocks: 0, weakHits: 0, strongHits: 0 }).success).toBe(true);
    const bad = { url: 'https://a.example/', matches: [], suspectBlocks: 1, weakHits: 0, strongHits: 0, listings: [{ category: 'weather', phrases: [] }] };
    expect(pageSummarySchema.safeParse(bad).success).toBe(false);
  });
});
