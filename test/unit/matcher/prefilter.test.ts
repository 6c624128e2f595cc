import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/matcher';
import { normaliseText } from '../../../src/matcher/normalise';
import { DENSE_MAX_STATES, PagePrefilter as Prefilter, PREFILTER_HIT, PREFILTER_ODD, stripForPrefilter } from '../../../src/matcher/prefilter';
import { int, pick, prng } from './prng';

/** Flags of each node when the prefilter reads them in order, as the page scanner does. */
function flagsOf(prefilter: PagePrefilter, nodes: readonly string[]): number[] {
  let state = 0;
  return nodes.map((node) => {
    state = prefilter.feed(node, state);
    return state & (PREFILTER_HIT | PREFILTER_ODD);
  });
}

const candidate = (flags: number[]): boolean => flags.some((f) => f !== 0);

/** The prefilter as the page scanner builds it: from the phrases' normalised forms. */
class PagePrefilter extends Prefilter {
  constructor(phrases: readonly string[]) {
    super(phrases.map((phrase) => normaliseText(phrase).trim()));
  }
}

describe('PagePrefilter', () => {
  it('strips phrases the way it reads text', () => {
    expect(stripForPrefilter('Fake  Passports')).toBe('fakepassports');
    expect(stripForPrefilter('出-售 枪支')).toBe('出售枪支');
    // Digits and symbols written for letters read as the letters, in phrases as in text (src/matcher/leet.ts).
    expect(stripForPrefilter('ＡＫ４７')).toBe('akat');
  });

  it('finds a phrase spelt with digits and symbols for its letters, and keeps finding those written with digits', () => {
    const prefilter = new PagePrefilter(['wallhack', 'ak47', 'rat']);
    expect(flagsOf(prefilter, ['pr1v@te w@llh@ck'])[0]! & PREFILTER_HIT).toBe(PREFILTER_HIT);
    expect(flagsOf(prefilter, ['ＡＫ４７ for sale'])[0]! & PREFILTER_HIT).toBe(PREFILTER_HIT);
    // A symbol beside a word's edge leaves the edge open: the exact scan reads "@" as no word unit.
    expect(flagsOf(prefilter, ['contact@rat'])[0]! & PREFILTER_HIT).toBe(PREFILTER_HIT);
    expect(flagsOf(prefilter, ['a pirate ship'])[0]! & PREFILTER_HIT).toBe(0);
  });

  it('flags the node where a phrase split over nodes ends, and no other', () => {
    const prefilter = new PagePrefilter(['出售枪支']);
    expect(flagsOf(prefilter, ['今天', '出', '售', '枪支', '市场'])).toEqual([0, 0, 0, PREFILTER_HIT, 0]);
  });

  it('sees through evasions: case, width, separators, zero-width, traditional characters', () => {
    const prefilter = new PagePrefilter(['fake passports', '出售枪支']);
    for (const text of ['F.A.K.E passports', 'ｆａｋｅ　ｐａｓｓｐｏｒｔｓ', 'fa\u200bke pass\u00adports', '出 售 槍 支', '出-售-枪-支']) {
      expect(candidate(flagsOf(prefilter, [text])), text).toBe(true);
    }
  });

  it('stays quiet on text without phrases', () => {
    const prefilter = new PagePrefilter(['fake passports', '出售枪支']);
    expect(candidate(flagsOf(prefilter, ['the garden market', '今天天气', 'passports are checked at the border']))).toBe(false);
  });

  it('keeps the exact scan\'s word boundaries where letters touch', () => {
    const prefilter = new PagePrefilter(['ice', 'gun']);
    expect(candidate(flagsOf(prefilter, ['the office', 'begun', 'gunmetal', 'off\u200bice']))).toBe(false);
    for (const text of ['ice 1g', 'off ice', 'a gun!', 'ICE', 'o.f.f.i.c.e']) expect(candidate(flagsOf(prefilter, [text])), text).toBe(true);
    // A phrase that began in an earlier node cannot be checked there: it stays a candidate.
    expect(flagsOf(prefilter, ['off', 'ice'])).toEqual([0, PREFILTER_HIT]);
  });

  it('marks combining marks for the exact scan, and folds astral and expanded characters', () => {
    const prefilter = new PagePrefilter(['kg', '𝐟ake']);
    expect(flagsOf(prefilter, ['cafe\u0301'])).toEqual([PREFILTER_ODD]);
    expect(flagsOf(prefilter, ['5㎏'])).toEqual([PREFILTER_HIT]);
    expect(flagsOf(prefilter, ['𝐟𝐚𝐤𝐞'])).toEqual([PREFILTER_HIT]);
  });

  it('flags a node in every block where the exact matcher finds a phrase (property)', () => {
    const phrases = ['fake passports', 'gun', 'ice', 'ak-47', 'ak47', '出售枪支', '冰毒', 'cvv', 'pass-port', '代开发票', 'crème'];
    const matcher = createMatcher(phrases.map((phrase) => ({ phrase, category: 'x', strength: 'strong' as const })));
    const prefilter = new PagePrefilter(phrases);
    const pieces = [...phrases, 'fake', 'pass', 'ports', '出', '售', '枪', ' ', '-', '.', '\u200b', 'a', 'x', '7', 'Ｇ', 'UN', '今天', 'e\u0301', '槍', '𝐠', '\n', '*', 'off', 'ice', 'of', 'k', '4', '\u00ad', '㎏'];
    const rnd = prng(20261124);
    let positives = 0;
    for (let round = 0; round < 3000; round++) {
      const nodes: string[] = [];
      const count = int(rnd, 1, 5);
      for (let k = 0; k < count; k++) {
        let node = '';
        for (let j = int(rnd, 0, 6); j > 0; j--) node += pick(rnd, pieces);
        nodes.push(node);
      }
      const exact = matcher.scanText(nodes).phrases.length > 0;
      if (exact) positives++;
      if (exact) expect(candidate(flagsOf(prefilter, nodes)), JSON.stringify(nodes)).toBe(true);
    }
    expect(positives).toBeGreaterThan(300);
  });

  it('names every phrase the exact matcher finds among the phrases it has read (property)', () => {
    const phrases = ['fake passports', 'gun', 'ice', 'ak-47', 'ak47', '出售枪支', '冰毒', 'cvv', 'pass-port', '代开发票', 'crème', '𝐠un'];
    const matcher = createMatcher(phrases.map((phrase) => ({ phrase, category: 'x', strength: 'strong' as const })));
    const pieces = [...phrases, 'fake', 'pass', 'ports', '出', '售', '枪', ' ', '-', '\u200b', 'a', '7', 'Ｇ', 'UN', '槍', '𝐠', 'off', 'ice', 'k', '4', '㎏'];
    const rnd = prng(20261125);
    let checked = 0;
    for (let round = 0; round < 2000; round++) {
      const prefilter = new PagePrefilter(phrases);
      const nodes: string[] = [];
      for (let k = int(rnd, 1, 4); k > 0; k--) {
        let node = '';
        for (let j = int(rnd, 0, 6); j > 0; j--) node += pick(rnd, pieces);
        nodes.push(node);
      }
      flagsOf(prefilter, nodes);
      const { all, ids } = prefilter.seenPhrases();
      if (all) continue;
      const found = new Set(matcher.scanText(nodes).phrases.map((hit) => hit.phraseIndex));
      for (const index of found) expect(ids, `${phrases[index]} in ${JSON.stringify(nodes)}`).toContain(index);
      if (found.size > 0) checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('gives the same flags before and after it builds its fast path for long pages (property)', () => {
    const phrases = ['fake passports', 'gun', 'ice', 'ak-47', '出售枪支', '冰毒', 'cvv', 'crème', '80%lower', 'x1'];
    const pieces = [...phrases, 'fake', 'pass', 'ports', '出', '售', ' ', '-', '\u200b', 'a', 'x', '7', 'Ｇ', 'UN', '今天', 'e\u0301', '𝐠', 'off', 'ice', 'k', '1', '%'];
    const warm = new PagePrefilter(phrases);
    // Past the threshold (prefilter.ts FAST_PATH_AFTER): from here on it reads through the dense rows.
    warm.feed('the quick brown fox 今天天气 '.repeat(2000), 0);
    const rnd = prng(20261201);
    let hits = 0;
    for (let round = 0; round < 2000; round++) {
      const nodes: string[] = [];
      for (let k = int(rnd, 1, 4); k > 0; k--) {
        let node = '';
        for (let j = int(rnd, 0, 6); j > 0; j--) node += pick(rnd, pieces);
        nodes.push(node);
      }
      const cold = flagsOf(new PagePrefilter(phrases), nodes);
      expect(flagsOf(warm, nodes), JSON.stringify(nodes)).toEqual(cold);
      if (candidate(cold)) hits++;
    }
    expect(hits).toBeGreaterThan(300);
  });

  it('keeps the sparse path for lists too large for dense rows, with the same flags (property)', () => {
    const rnd = prng(20261202);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const phrases = ['fake passports', 'gun', 'ice', '出售枪支'];
    while (phrases.length < 15_000) phrases.push(Array.from({ length: 12 }, () => pick(rnd, [...letters])).join(''));
    const large = new PagePrefilter(phrases);
    const before = large.memoryEstimateBytes();
    large.feed('the quick brown fox 今天天气 '.repeat(2000), 0);
    // Past the threshold: the table of units came, the rows (144 bytes a state, > 14 MB here) did not.
    expect(large.memoryEstimateBytes() - before).toBeLessThan(DENSE_MAX_STATES);
    const pieces = ['fake', ' passports', 'gun', 'ice', 'off', '出售', '枪支', ' ', 'x', phrases[100]!, phrases[5000]!.slice(0, 6)];
    let hits = 0;
    for (let round = 0; round < 300; round++) {
      const nodes = Array.from({ length: int(rnd, 1, 3) }, () => Array.from({ length: int(rnd, 1, 4) }, () => pick(rnd, pieces)).join(''));
      const cold = flagsOf(new PagePrefilter(phrases.slice(0, 4).concat(phrases.slice(100, 101), phrases.slice(5000, 5001))), nodes);
      const warm = flagsOf(large, nodes);
      expect(candidate(warm), JSON.stringify(nodes)).toBe(candidate(cold));
      if (candidate(warm)) hits++;
    }
    expect(hits).toBeGreaterThan(50);
  });

  it('says when it could not tell the phrases apart (combining marks)', () => {
    const prefilter = new PagePrefilter(['crème']);
    prefilter.feed('cre\u0300me', 0);
    expect(prefilter.seenPhrases().all).toBe(true);
    const plain = new PagePrefilter(['gun', 'ice']);
    plain.feed('a gun here', 0);
    expect(plain.seenPhrases()).toEqual({ all: false, ids: [0] });
  });
});
