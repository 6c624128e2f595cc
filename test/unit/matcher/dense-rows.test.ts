import { describe, expect, it } from 'vitest';
import { PhraseAutomaton } from '../../../src/matcher/automaton';
import { DENSE_COLUMN, DENSE_WIDTH, ROW_REPORTS, ROW_STATE, denseRows, phraseUnits } from '../../../src/matcher/dense-rows';
import { int, pick, prng } from './prng';

/** The transition as the sparse tables give it: child, else the failure chain's. */
function sparseStep(a: PhraseAutomaton, s: number, u: number): number {
  for (;;) {
    const t = a.step(s, u);
    if (t !== 0 || s === 0) return t;
    s = a.fail[s] ?? 0;
  }
}

const UNITS = 'abcdefghijklmnopqrstuvwxyz0123456789';

describe('dense rows', () => {
  it('give every state the same transition on each Latin letter and digit as the failure chain (property)', () => {
    const random = prng(11);
    for (let round = 0; round < 20; round++) {
      const phrases = Array.from({ length: int(random, 1, 60) }, () =>
        Array.from({ length: int(random, 1, 7) }, () => pick(random, [...'abcab01出售枪%'])).join(''),
      );
      const automaton = PhraseAutomaton.fromPatterns(phrases);
      const rows = denseRows(automaton);
      expect(rows.length).toBe(automaton.stateCount * DENSE_WIDTH);
      for (let s = 0; s < automaton.stateCount; s++) {
        for (const ch of UNITS) {
          const u = ch.charCodeAt(0);
          const entry = rows[s * DENSE_WIDTH + (DENSE_COLUMN[u] ?? 0) - 1] ?? -1;
          const target = sparseStep(automaton, s, u);
          expect(entry & ROW_STATE, `${phrases.join('|')} state ${s} on ${ch}`).toBe(target);
          expect((entry & ROW_REPORTS) !== 0, `reports of ${target}`).toBe((automaton.report[target] ?? -1) >= 0);
        }
      }
    }
  });

  it('name the units the phrases hold, and only those', () => {
    const units = phraseUnits(PhraseAutomaton.fromPatterns(['gun', '出售']));
    const held = [...'gun出售'].map((c) => units[c.charCodeAt(0)]);
    expect(held).toEqual([1, 1, 1, 1, 1]);
    expect([...'ax市场'].map((c) => units[c.charCodeAt(0)])).toEqual([0, 0, 0, 0]);
  });

  it('have no column for units outside lower-case Latin letters and digits', () => {
    expect([...'AZ%é出 '].map((c) => DENSE_COLUMN[c.charCodeAt(0)])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(new Set([...UNITS].map((c) => DENSE_COLUMN[c.charCodeAt(0)])).size).toBe(DENSE_WIDTH);
  });
});
