import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBlockMatcher } from '../../../src/content/build-matcher';
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
