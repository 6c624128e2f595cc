import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBlockMatcher, createBlockMatcher, prefilterCacheFor } from '../../../src/matcher/build-matcher';
import { PagePrefilter } from '../../../src/matcher/prefilter';
import { defaultSettings } from '../../../src/shared/settings';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
const entries = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries);

/** Text lines of every listing and benign fixture, roughly as blocks. */
function fixtureBlocks(): string[] {
  const blocks: string[] = [];
  for (const folder of ['listings', 'benign']) {
    for (const file of readdirSync(join(fixtures, folder)).filter((name) => name.endsWith('.html')).sort()) {
      const html = readFileSync(join(fixtures, folder, file), 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/g, '');
      for (const line of html.split(/<\/?(?:p|li|div|article|section|h\d|tr|td|br)\b[^>]*>/)) {
        const text = line.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').trim();
        if (text) blocks.push(text);
      }
    }
  }
  return blocks;
}

describe('block matcher', () => {
  it('finds what a matcher of every phrase finds, though it holds only the phrases read so far', () => {
    const growing = createBlockMatcher(entries);
    const whole = createBlockMatcher(entries);
    // Reading every phrase once makes the reference hold the whole list from the start.
    whole.scanBlock([entries.map((entry) => entry.phrase).join(' | ')]);
    const blocks = fixtureBlocks();
    let suspect = 0;
    for (const text of blocks) {
      const got = growing.scanBlock([text]);
      expect(got, text).toEqual(whole.scanBlock([text]));
      if (got.suspect) suspect++;
    }
    expect(blocks.length).toBeGreaterThan(200);
    expect(suspect).toBeGreaterThan(40);
  });

  it('holds only the phrases an ordinary page names, and the whole list once a page names many', () => {
    const matcher = createBlockMatcher(entries);
    expect(matcher.heldPhrases()).toBe(0);
    matcher.scanBlock(['Police seized fake passports and 2 kg of ice in a raid, the court heard.']);
    expect(matcher.heldPhrases()).toBeGreaterThan(0);
    expect(matcher.heldPhrases()).toBeLessThan(5);
    matcher.scanBlock([entries.slice(0, entries.length / 3).map((entry) => entry.phrase).join(' | ')]);
    expect(matcher.heldPhrases()).toBe(entries.length);
  });
});

describe('prefilter built by the background', () => {
  const version = '1.2.3';
  const own = { ...defaultSettings(), customPhrases: [{ phrase: 'quiet car kit', category: 'jammers' as const, strength: 'strong' as const, regex: false }] };
  const lists = [{ entries: [{ phrase: 'ghost blaster', category: 'firearms-explosives' as const, strength: 'strong' as const }] }];
  const texts = ['Quiet car kit for sale, $90, Telegram @a1', 'Ghost blaster in stock, WhatsApp +1 555 0100', 'GPS jammer for sale $120 wx abc123', 'garden chairs'];

  it('is needed only when own phrases or lists join the built-in ones', () => {
    expect(prefilterCacheFor(defaultSettings(), [], version)).toBeUndefined();
    expect(prefilterCacheFor(own, [], version)?.key).toContain(version);
    expect(prefilterCacheFor(defaultSettings(), lists, version)).toBeDefined();
  });

  it('gives the findings of a prefilter built on the page, and is honoured only for its own phrases and version', async () => {
    const cache = prefilterCacheFor(own, lists, version)!;
    const onPage = await buildBlockMatcher(own, lists);
    const cached = await buildBlockMatcher(own, lists, { stored: cache, version });
    for (const text of texts) expect(cached.scanBlock([text]), text).toEqual(onPage.scanBlock([text]));
    expect(onPage.scanBlock([texts[0]!]).suspect).toBe(true);

    // A cache whose key matches is used as it is: tables of no phrase at all then find nothing.
    const blind = await buildBlockMatcher(own, lists, { stored: { key: cache.key, tables: emptyTables() }, version });
    expect(blind.scanBlock([texts[1]!]).spans).toEqual([]);
    // Another version, other phrases or unreadable tables: the page builds its own.
    for (const stored of [cache, { ...cache, tables: 'not base64!' }]) {
      const other = await buildBlockMatcher(own, lists, { stored, version: stored === cache ? '9.9.9' : version });
      expect(other.scanBlock([texts[1]!])).toEqual(onPage.scanBlock([texts[1]!]));
    }
    const fewer = await buildBlockMatcher(own, [], { stored: cache, version });
    expect(fewer.scanBlock([texts[0]!])).toEqual((await buildBlockMatcher(own, [])).scanBlock([texts[0]!]));
  });
});

/** Packed tables of a prefilter that knows no phrase. */
function emptyTables(): string {
  return Buffer.from(new PagePrefilter([]).toBytes()).toString('base64');
}
