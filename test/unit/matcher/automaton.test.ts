import { describe, expect, it } from 'vitest';
import { PhraseAutomaton, type AutomatonMatch } from '../../../src/matcher/automaton';
import { normaliseText } from '../../../src/matcher/normalise';
import { selectLongestLeftmost } from '../../../src/matcher/overlaps';
import { int, pick, prng } from './prng';

const isWord = (ch: string | undefined): boolean => ch !== undefined && /[a-z0-9]/.test(ch);

/** Reference: indexOf for every phrase at every position, with the same boundary rule. */
function naive(text: string, phrases: readonly string[]): AutomatonMatch[] {
  const out: AutomatonMatch[] = [];
  phrases.forEach((raw, phraseIndex) => {
    const p = normaliseText(raw).trim();
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
      const end = at + p.length;
      if (isWord(p[0]) && isWord(text[at - 1])) continue;
      if (isWord(p[p.length - 1]) && isWord(text[end])) continue;
      out.push({ start: at, end, phraseIndex });
    }
  });
  return out;
}

const order = (a: AutomatonMatch, b: AutomatonMatch): number =>
  a.start - b.start || a.end - b.end || a.phraseIndex - b.phraseIndex;

function find(phrases: string[], text: string): string[] {
  const a = PhraseAutomaton.build(phrases);
  const t = normaliseText(text);
  return a.scan(t).map((m) => t.slice(m.start, m.end));
}

describe('PhraseAutomaton', () => {
  it('respects Latin word boundaries', () => {
    expect(find(['gun'], 'gunmetal begun gun guns gun!')).toEqual(['gun', 'gun']);
    expect(find(['gun'], 'a gun')).toEqual(['gun']);
    expect(find(['fake id'], 'fake ids, a fake id.')).toEqual(['fake id']);
    expect(find(['ak47'], 'ak470 ak47')).toEqual(['ak47']);
  });

  it('has no boundaries in CJK, also next to Latin', () => {
    expect(find(['枪支'], '出售枪支弹药')).toEqual(['枪支']);
    expect(find(['枪'], 'gun枪gun')).toEqual(['枪']);
    expect(find(['gun'], '出售gun枪')).toEqual(['gun']);
  });

  it('matches phrases normalised like the text', () => {
    expect(find(['出售 槍支'], '出 售 枪-支')).toEqual(['出售枪支']);
    expect(find(['FAKE ID'], 'ｆａｋｅ　ｉｄ')).toEqual(['fake id']);
  });

  it('reports all overlaps and duplicate phrases', () => {
    // Inside a Latin word nothing matches: "she", "he", "hers" all touch letters in "ushers".
    expect(PhraseAutomaton.build(['he', 'she', 'hers']).scan('ushers')).toEqual([]);
    const dup = PhraseAutomaton.build(['she', 'he', 'she']).scan('~she~').sort(order);
    expect(dup).toEqual([
      { start: 1, end: 4, phraseIndex: 0 },
      { start: 1, end: 4, phraseIndex: 2 },
    ]);
    const cjk = PhraseAutomaton.build(['出售', '售枪', '出售枪支', '枪支']).scan('出售枪支').sort(order);
    expect(cjk).toEqual([
      { start: 0, end: 2, phraseIndex: 0 },
      { start: 0, end: 4, phraseIndex: 2 },
      { start: 1, end: 3, phraseIndex: 1 },
      { start: 2, end: 4, phraseIndex: 3 },
    ]);
  });

  it('finds children of states with many edges (hashed lookups)', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyz'];
    const phrases = letters.map((l) => `出${l}`).concat(letters.map((l) => `出售${l}枪`));
    const text = letters.map((l) => `出${l} 出售${l}枪 出售${l}刀`).join('，');
    const a = PhraseAutomaton.build(phrases);
    const t = normaliseText(text);
    expect(a.scan(t).sort(order)).toEqual(naive(t, phrases).sort(order));
    expect(a.scan(t)).toHaveLength(52);
  });

  it('never matches an empty phrase', () => {
    expect(PhraseAutomaton.build(['', '  ', '\u200b']).scan('a b')).toEqual([]);
  });

  it('agrees with a naive matcher on random inputs (property)', () => {
    const rnd = prng(42);
    const alphabet = ['a', 'b', 'c', ' ', '出', '售', 'b'];
    for (let c = 0; c < 3000; c++) {
      const phrases: string[] = [];
      const count = int(rnd, 1, 8);
      for (let k = 0; k < count; k++) {
        let p = '';
        const len = int(rnd, 1, 4);
        for (let j = 0; j < len; j++) p += pick(rnd, alphabet);
        phrases.push(p);
      }
      let text = '';
      const len = int(rnd, 0, 60);
      for (let j = 0; j < len; j++) text += pick(rnd, alphabet);
      const t = normaliseText(text);
      const got = PhraseAutomaton.build(phrases).scan(t).sort(order);
      expect(got, JSON.stringify({ phrases, t })).toEqual(naive(t, phrases).sort(order));
    }
  });

  it('stays small for 5,000 phrases', () => {
    const rnd = prng(5);
    const phrases: string[] = [];
    for (let k = 0; k < 5000; k++) {
      let p = '';
      const len = int(rnd, 2, 12);
      for (let j = 0; j < len; j++) p += rnd() < 0.5 ? String.fromCharCode(0x4e00 + int(rnd, 0, 3000)) : pick(rnd, [...'abcdefghijklmnopqrstuvwxyz ']);
      phrases.push(p);
    }
    const a = PhraseAutomaton.build(phrases);
    const bytes = a.memoryEstimateBytes();
    console.log(`automaton: ${phrases.length} phrases, ${a.stateCount} states, ~${(bytes / 1024).toFixed(0)} KiB`);
    expect(a.stateCount).toBeGreaterThan(5000);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('selectLongestLeftmost', () => {
  it('keeps the leftmost, then longest, non-overlapping matches', () => {
    const m = (start: number, end: number, phraseIndex = 0) => ({ start, end, phraseIndex });
    expect(selectLongestLeftmost([m(2, 4), m(0, 4), m(0, 2), m(3, 6), m(4, 6), m(6, 7)])).toEqual([
      m(0, 4),
      m(4, 6),
      m(6, 7),
    ]);
  });

  it('picks the longer phrase for highlighting in real text', () => {
    const phrases = ['枪支', '出售枪支', '枪支弹药'];
    const t = normaliseText('出售枪支弹药');
    const picked = selectLongestLeftmost(PhraseAutomaton.build(phrases).scan(t));
    expect(picked.map((x) => t.slice(x.start, x.end))).toEqual(['出售枪支']);
  });
});
