import { describe, expect, it } from 'vitest';
import { createMatcher, type MatcherPhrase } from '../../../src/matcher/index';
import { scoreBlock } from '../../../src/matcher/score';

const PHRASES: MatcherPhrase[] = [
  { phrase: '出售枪支', category: 'firearms-explosives', strength: 'strong' },
  { phrase: '气狗', category: 'firearms-explosives', strength: 'strong' },
  { phrase: 'guns', category: 'firearms-explosives', strength: 'weak' },
  { phrase: 'explosives', category: 'firearms-explosives', strength: 'weak' },
  { phrase: 'sale of guns', category: 'firearms-explosives', strength: 'strong' },
  { phrase: '发票', category: 'counterfeit-invoices', strength: 'weak' },
  { phrase: '代开发票', category: 'counterfeit-invoices', strength: 'strong' },
  { phrase: '冰', category: 'drugs-precursors', strength: 'weak' },
  { phrase: 'fake id', category: 'identity-documents', strength: 'strong' },
];
const WORDS = {
  saleIntent: [{ phrase: '出售', lang: 'zh' }, { phrase: 'for sale', lang: 'en' }, '包邮', '现货'],
  benignContext: [{ phrase: 'crackdown', lang: 'en' }, 'police', 'arrested', '警方', '破获', '正规发票', '打击'],
};
const matcher = createMatcher(PHRASES, WORDS);
const judge = (text: string) => matcher.scoreBlock(matcher.scanText(text));

describe('block scoring', () => {
  it('flags a Chinese listing with a strong phrase and contact', () => {
    const s = judge('出 售 槍 支，货到付款，微信：gun_dealer88，价格 3500元');
    expect(s.suspect).toBe(true);
    expect(s.category).toBe('firearms-explosives');
    expect(s.contacts).toBe(1);
    expect(s.prices).toBeGreaterThanOrEqual(1);
  });

  it('flags a weak phrase with sale intent, but not a weak phrase alone', () => {
    expect(judge('冰 现货 包邮').suspect).toBe(true);
    expect(judge('冰 QQ 12345678').suspect).toBe(true);
    expect(judge('冰淇淋很好吃').suspect).toBe(false);
    expect(judge('guns in history museums').suspect).toBe(false);
  });

  it('does not flag crackdown news that names the trade', () => {
    const news =
      'Police arrested five men in a crackdown on the online sale of guns and explosives, officials said on Monday.';
    const s = judge(news);
    expect(s.strong).toBeGreaterThan(0); // the phrase is there…
    expect(s.benign).toBeGreaterThan(0);
    expect(s.suspect).toBe(false); // …but the context is news
    expect(judge('警方破获一起出售枪支案，嫌疑人已被刑拘。').suspect).toBe(false);
  });

  it('still flags a listing that borrows news words but carries a contact', () => {
    expect(judge('出售枪支 不怕警方 telegram @quietguns').suspect).toBe(true);
  });

  it('does not flag a shop that issues proper invoices', () => {
    const shop = '本店商品现货包邮，可开具正规发票，价格 ¥199';
    const s = judge(shop);
    expect(s.weak).toBeGreaterThan(0);
    expect(s.suspect).toBe(false);
    expect(judge('代开发票 微信 invoice888').suspect).toBe(true);
  });

  it('scores more evidence higher and reports the top category', () => {
    const low = judge('冰 现货');
    const high = judge('冰 现货 出售枪支 气狗 微信 abc12345');
    expect(high.score).toBeGreaterThan(low.score);
    expect(high.category).toBe('firearms-explosives');
    expect(high.categories).toEqual({ 'drugs-precursors': 1, 'firearms-explosives': 2 });
    expect(judge('nothing to see').category).toBeNull();
  });

  it('applies the rules to evidence directly', () => {
    const strong = { category: 'jammers', strength: 'strong' as const };
    const weak = { category: 'jammers', strength: 'weak' as const };
    expect(scoreBlock({ phrases: [strong], signals: [], benign: 0 }).suspect).toBe(true);
    expect(scoreBlock({ phrases: [strong], signals: [], benign: 1 }).suspect).toBe(false);
    // In a paragraph of prose a strong phrase needs a term of an offer; an advert's short line does not.
    expect(scoreBlock({ phrases: [strong], signals: [], benign: 0, length: 60 }).suspect).toBe(true);
    expect(scoreBlock({ phrases: [strong], signals: [], benign: 0, length: 160 }).suspect).toBe(false);
    expect(scoreBlock({ phrases: [strong], signals: [{ kind: 'price' }], benign: 0, length: 160 }).suspect).toBe(true);
    expect(scoreBlock({ phrases: [strong], signals: [], benign: 0, length: 160, nearby: { handles: () => 1, adjacentHandles: () => 1, leadsIn: () => false, leadsOut: () => false } }).suspect).toBe(true);
    // Beside a report's words a price alone is a sum paid or lost; a handle, or a price with a sale word, is an offer.
    expect(scoreBlock({ phrases: [strong], signals: [{ kind: 'price' }], benign: 1 }).suspect).toBe(false);
    expect(scoreBlock({ phrases: [strong], signals: [{ kind: 'price' }, { kind: 'sale-word' }], benign: 1 }).suspect).toBe(true);
    expect(scoreBlock({ phrases: [strong], signals: [{ kind: 'contact', type: 'phone' }], benign: 1 }).suspect).toBe(true);
    expect(scoreBlock({ phrases: [strong], signals: [{ kind: 'sale-word' }], benign: 1 }).suspect).toBe(false);
    expect(scoreBlock({ phrases: [weak], signals: [{ kind: 'sale-word' }], benign: 0 }).suspect).toBe(true);
    expect(scoreBlock({ phrases: [weak], signals: [{ kind: 'contact' }], benign: 1 }).suspect).toBe(false);
    expect(scoreBlock({ phrases: [], signals: [{ kind: 'contact' }], benign: 0 })).toMatchObject({ suspect: false, score: 0 });
  });
});
