import { describe, expect, it } from 'vitest';
import { heldOut, loadCorpus, type CorpusPage } from '../../eval/corpus';

/* The split of the evaluation set (test/eval/corpus.ts): fixed per page, whatever is added later. */

const pages = loadCorpus();

describe('the held-out split', () => {
  it('does not move a page of an earlier batch when a batch is added', () => {
    const earlier = pages.filter((page) => /^[a-e]\//.test(page.file));
    const added: CorpusPage[] = Array.from({ length: 40 }, (_, i) => ({
      file: `z/en-bank-cards-extra-${i}.html`,
      label: 'listing',
      category: 'bank-cards',
      lang: 'en',
      genre: 'forum-post',
      modelledOn: 'https://example.org/',
      quotedOffer: false,
    }));
    const before = heldOut(earlier);
    const after = heldOut([...earlier, ...added]);
    expect([...after].filter((file) => !file.startsWith('z/')).sort()).toEqual([...before].sort());
    // The added batch brings its own ~30%.
    expect([...after].filter((file) => file.startsWith('z/'))).toHaveLength(12);
  });

  it('holds out at least 8 listings of every category that has enough pages', () => {
    const held = heldOut(pages);
    const byCategory = new Map<string, number>();
    for (const page of pages) if (page.label === 'listing' && held.has(page.file)) byCategory.set(page.category, (byCategory.get(page.category) ?? 0) + 1);
    const thin = [...byCategory].filter(([category, count]) => category !== 'other' && count < 8);
    expect(thin).toEqual([]);
  });
});
