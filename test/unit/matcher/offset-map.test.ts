import { describe, expect, it } from 'vitest';
import { normalise, normaliseText, sourceRange } from '../../../src/matcher/normalise';
import { int, pick, prng } from './prng';

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const SEPARATORS = [' ', '.', '-', '_', '*', '|', '/', ' . ', ' - ', '  '];
const LATIN_WORDS = ['fake', 'gun', 'passport', 'cheap', 'id', 'card', 'hello', 'world', 'x1', 'ok'];
const CJK_WORDS = ['出售', '枪支', '发票', '代开', '身份证', '银行卡', '你好', '价格', '微信', '冰毒'];

/** Obfuscate a phrase the way sellers do; returns the obfuscated form (no invisible char at its edges). */
function obfuscate(rnd: () => number, phrase: string): string {
  const chars = [...phrase];
  const cjk = /\p{Script=Han}/u.test(phrase);
  const spell = !cjk && rnd() < 0.5;
  let out = chars[0] ?? '';
  for (let k = 1; k < chars.length; k++) {
    if (cjk && rnd() < 0.5) out += pick(rnd, SEPARATORS);
    else if (spell) out += pick(rnd, SEPARATORS);
    if (rnd() < 0.4) out += pick(rnd, INVISIBLE);
    out += chars[k] ?? '';
  }
  return rnd() < 0.3 ? out.toUpperCase() : out;
}

function filler(rnd: () => number, words: readonly string[]): string {
  const n = int(rnd, 0, 4);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(pick(rnd, words));
  return parts.join(' ');
}

describe('offset map (property)', () => {
  it('maps an obfuscated phrase back to exactly its source substring', () => {
    const rnd = prng(20240611);
    for (let c = 0; c < 600; c++) {
      const cjk = rnd() < 0.5;
      const words = cjk ? CJK_WORDS : LATIN_WORDS;
      const phrase = pick(rnd, words);
      const hidden = obfuscate(rnd, phrase);
      // Latin phrases need a word break around them; CJK ones sit between punctuation so that the
      // separator rule does not glue them to their neighbours.
      const before = filler(rnd, LATIN_WORDS) + (cjk ? '，' : ' ');
      const after = (cjk ? '。' : ' ! ') + filler(rnd, LATIN_WORDS);
      const source = before + hidden + after;
      const nt = normalise(source);
      const target = normaliseText(phrase);
      const at = nt.text.indexOf(target, normaliseText(before).length - 1);
      expect(at, `${JSON.stringify(source)} → ${JSON.stringify(nt.text)}`).toBeGreaterThanOrEqual(0);
      const r = sourceRange(nt, at, at + target.length);
      expect(source.slice(r.start, r.end)).toBe(hidden);
    }
  });

  it('is monotone, non-empty per unit, within bounds, and splits where the source does', () => {
    const rnd = prng(7);
    const alphabet = ['a', 'b', 'Z', ' ', '.', '-', '出', '售', '槍', 'Ａ', '㎏', 'e\u0301', '\u200b', '\u00ad', '😀', '𠀀', '\n', '3', '5'];
    for (let c = 0; c < 500; c++) {
      let source = '';
      const n = int(rnd, 0, 40);
      for (let k = 0; k < n; k++) source += pick(rnd, alphabet);
      const nt = normalise(source);
      let prevStart = 0;
      let prevEnd = 0;
      for (let k = 0; k < nt.length; k++) {
        const s = nt.map.sourceStart(k);
        const e = nt.map.sourceEnd(k);
        expect(s).toBeLessThan(e);
        expect(e).toBeLessThanOrEqual(source.length);
        expect(s).toBeGreaterThanOrEqual(prevStart);
        expect(e).toBeGreaterThanOrEqual(prevEnd);
        // Each unit must come from the source characters it maps to.
        expect(normaliseText(source.slice(s, e)).trim()).toContain(nt.text[k]?.trim() ?? '');
        prevStart = s;
        prevEnd = e;
      }
      // Invisible characters change nothing but offsets.
      expect(normaliseText(source.replace(/[\u200b\u00ad]/g, ''))).toBe(nt.text);
    }
  });
});
