import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';
import { parsePhraseList, phraseListSchema } from '../../../src/shared/phrase-list';
import { SEARCHABLE_CATEGORIES } from '../../../src/shared/taxonomy';

const entries = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries);
const fixtures = resolve(import.meta.dirname, '../../fixtures');

function pageText(file: string): string {
  return readFileSync(file, 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
}

describe('built-in phrase lists', () => {
  it('validate against tipline.phrases/v1', () => {
    for (const list of BUILTIN_PHRASE_LISTS) expect(phraseListSchema.safeParse(list).success, list.name).toBe(true);
  });

  it('hold at least 600 entries and 15 per language for every searchable category', () => {
    expect(entries.length).toBeGreaterThanOrEqual(600);
    for (const category of SEARCHABLE_CATEGORIES) {
      for (const lang of ['en', 'zh'] as const) {
        const count = entries.filter((e) => e.category === category && e.lang === lang).length;
        expect(count, `${category}/${lang}`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('have no duplicate phrase within a category and nothing for child sexual abuse', () => {
    const keys = entries.map((e) => `${e.category}|${e.phrase.toLowerCase()}`);
    expect(keys.length - new Set(keys).size).toBe(0);
    expect(entries.filter((e) => (e.category as string) === 'child-sexual-abuse')).toEqual([]);
  });

  it('give each phrase one category and strength: a phrase listed twice would take whichever its matcher read first', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const e of entries) {
      const key = e.phrase.toLowerCase();
      const said = `${e.category}/${e.strength}`;
      if (seen.has(key) && seen.get(key) !== said) twice.push(`${key}: ${seen.get(key)} and ${said}`);
      seen.set(key, said);
    }
    expect(twice).toEqual([]);
  });

  it('carry no strong phrase that appears in a benign fixture without benign context', () => {
    const matcher = createBlockMatcher(entries);
    for (const file of readdirSync(join(fixtures, 'benign'))) {
      const finding = matcher.scanBlock([pageText(join(fixtures, 'benign', file))]);
      const strongInRecipeOrShop = /recipe|hardware|bank|pharmacy|appliance|invoice-shop/.test(file)
        ? finding.spans.filter((s) => s.strength === 'strong')
        : [];
      expect(strongInRecipeOrShop, file).toEqual([]);
    }
  });

  it('find traditional-script listings through the simplified phrases', () => {
    const matcher = createBlockMatcher(entries);
    const finding = matcher.scanBlock(['出售槍支 價格 1800元 微信 abc123']);
    expect(finding.suspect).toBe(true);
    expect(finding.spans.map((s) => s.phrase)).toContain('出售枪支');
  });

  it('keep weak words quiet without sale intent, and count them with it', () => {
    const matcher = createBlockMatcher(entries);
    expect(matcher.scanBlock(['Pour the lemonade over ice.']).suspect).toBe(false);
    // A food word counts only with a drug's name beside it, and then with sale intent.
    expect(matcher.scanBlock(['Shaved ice 1 cup $8, call +1 555 010 2233']).suspect).toBe(false);
    expect(matcher.scanBlock(['crystal meth (ice) 1g $80, Wickr icevendor']).suspect).toBe(true);
    expect(matcher.scanBlock(['出售冰箱 冰糖 价格 20元 微信 shop2024']).suspect).toBe(false);
    expect(matcher.scanBlock(['双开门冰箱 价格 2999元']).suspect).toBe(false);
  });
});

describe('parsePhraseList', () => {
  it.each([
    [{ schema: 'tipline.phrases/v2', name: 'x', version: '1', entries: [] }, /^schema/],
    [{ schema: 'tipline.phrases/v1', name: '', version: '1', entries: [] }, /^name/],
    [{ schema: 'tipline.phrases/v1', name: 'x', version: '1', entries: [{ phrase: 'a', category: 'child-sexual-abuse', strength: 'strong' }] }, /^entries\.0\.category/],
    [{ schema: 'tipline.phrases/v1', name: 'x', version: '1', entries: [{ phrase: 'a', category: 'jammers', strength: 'maybe' }] }, /^entries\.0\.strength/],
    ['not an object', /^\(root\)/],
  ])('names the bad field of %j', (raw, message) => {
    const result = parsePhraseList(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('accepts a minimal list', () => {
    expect(parsePhraseList({ schema: 'tipline.phrases/v1', name: 'x', version: '1', entries: [{ phrase: 'gps jammer', category: 'jammers', strength: 'strong' }] }).ok).toBe(true);
  });
});
