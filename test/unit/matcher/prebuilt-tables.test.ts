import { describe, expect, it } from 'vitest';
import { createBlockMatcher, activePhrases } from '../../../src/matcher/build-matcher';
import { BUILTIN_ENTRIES, builtinPrefilterBytes, prefilterPatterns, SIGNAL_WORDS, signalWordAutomaton, signalWordBytes } from '../../../src/matcher/prebuilt-tables';
import { createMatcher, signalAutomaton } from '../../../src/matcher';
import { PhraseAutomaton } from '../../../src/matcher/automaton';
import { PagePrefilter } from '../../../src/matcher/prefilter';
import { packTables, unpackTables } from '../../../src/matcher/table-pack';
import { defaultSettings } from '../../../src/shared/settings';
import { int, pick, prng } from './prng';

const phrases = BUILTIN_ENTRIES.map((entry) => entry.phrase);
const pieces = [...phrases.slice(0, 120), ...phrases.slice(-120), ' ', '-', '今天', 'for sale', '$120', 'a', 'gun', 'ice', '微信', '\u200b', 'Ｇ'];

function randomText(rnd: () => number): string {
  let text = '';
  for (let j = int(rnd, 1, 12); j > 0; j--) text += pick(rnd, pieces);
  return text;
}

describe('tables built with the extension', () => {
  it('pack and unpack typed arrays and numbers unchanged', () => {
    const arrays = [new Uint32Array([1, 2, 3]), new Uint16Array([65535, 7]), new Int32Array([-1, 5]), new Uint8Array([9])];
    const { numbers, arrays: back } = unpackTables(packTables([42, 7], arrays));
    expect(numbers).toEqual([42, 7]);
    expect(back).toEqual(arrays);
    // Unaligned input (a slice of a larger buffer) still unpacks.
    const packed = packTables([1], [new Uint32Array([5, 6])]);
    const shifted = new Uint8Array(packed.length + 3);
    shifted.set(packed, 3);
    expect(unpackTables(shifted.subarray(3)).arrays).toEqual([new Uint32Array([5, 6])]);
    expect(() => unpackTables(new Uint8Array(16))).toThrow();
  });

  it('store 32-bit arrays narrow when their values fit 16 bits, and give them back 32-bit', () => {
    const fits = [Uint32Array.from({ length: 100 }, (_, i) => i * 655), Int32Array.from({ length: 100 }, (_, i) => 327 * i - 1)];
    const wide = [Uint32Array.from({ length: 100 }, (_, i) => i * 700), Int32Array.from({ length: 100 }, (_, i) => -400 * i)];
    const small = packTables([], fits);
    const large = packTables([], wide);
    expect(small.byteLength).toBeLessThan(large.byteLength);
    expect(unpackTables(small).arrays).toEqual(fits);
    expect(unpackTables(large).arrays).toEqual(wide);
  });

  it('give a sale and benign word automaton that reads blocks as the one built on the page', () => {
    const loaded = createMatcher(BUILTIN_ENTRIES.slice(0, 50), SIGNAL_WORDS, PhraseAutomaton.fromBytes(signalWordBytes()));
    const built = createMatcher(BUILTIN_ENTRIES.slice(0, 50), SIGNAL_WORDS, signalAutomaton(SIGNAL_WORDS));
    const rnd = prng(4242);
    let words = 0;
    for (let round = 0; round < 300; round++) {
      const text = `${randomText(rnd)} 出售 for sale 微信 wx123 police arrested 新闻 $${round}`;
      const scan = loaded.scanText(text);
      expect(scan).toEqual(built.scanText(text));
      words += scan.saleWords.length + scan.benign.length;
    }
    expect(words).toBeGreaterThan(600);
    expect(signalWordAutomaton()).toBe(signalWordAutomaton());
  });

  it('give an automaton that finds what the one built from the phrases finds', () => {
    const built = PhraseAutomaton.build(phrases);
    const loaded = PhraseAutomaton.fromBytes(built.toBytes());
    const rnd = prng(1125);
    let found = 0;
    for (let round = 0; round < 500; round++) {
      const text = prefilterPatterns([{ phrase: randomText(rnd) }])[0] ?? '';
      const expected = built.scan(text);
      expect(loaded.scan(text)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(500);
  });

  it('give a prefilter that flags and names what the one built from the phrases does', () => {
    const built = new PagePrefilter(prefilterPatterns(BUILTIN_ENTRIES));
    const loaded = new PagePrefilter(builtinPrefilterBytes());
    const rnd = prng(2511);
    let state = 0;
    let stateLoaded = 0;
    for (let round = 0; round < 2000; round++) {
      const text = randomText(rnd);
      state = built.feed(text, state);
      stateLoaded = loaded.feed(text, stateLoaded);
      expect(stateLoaded).toBe(state);
    }
    expect(loaded.seenPhrases()).toEqual(built.seenPhrases());
    expect(built.seenPhrases().ids.length).toBeGreaterThan(100);
  });

  it('give the same findings as a matcher built for the settings, disabled categories left out', () => {
    const settings = { ...defaultSettings(), categories: defaultSettings().categories.filter((c) => c !== 'jammers' && c !== 'drugs-precursors') };
    const enabled = new Set<string>([...settings.categories, 'other']);
    const prebuilt = createBlockMatcher(BUILTIN_ENTRIES, [], { prefilter: new PagePrefilter(builtinPrefilterBytes()), include: (entry) => enabled.has(entry.category) });
    const runtime = createBlockMatcher(activePhrases(settings));
    const blocks = ['GPS jammer for sale $120 WhatsApp +1 555 0100', '出售冰毒 微信 abc12345', 'Fake passports for sale, Telegram @x', '出售枪支 气狗 ¥300', 'garden chairs'];
    const rnd = prng(77);
    for (let round = 0; round < 300; round++) blocks.push(`${randomText(rnd)} for sale $${round} telegram @s${round}`);
    let suspect = 0;
    for (const text of blocks) {
      const got = prebuilt.scanBlock([text]);
      expect(got, text).toEqual(runtime.scanBlock([text]));
      if (got.suspect) suspect++;
      for (const span of got.spans) expect(['jammers', 'drugs-precursors']).not.toContain(span.category);
    }
    expect(suspect).toBeGreaterThan(50);
  });
});
