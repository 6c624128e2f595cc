/**
 * Character classes of normalised (folded) text, as one 64 KiB lookup table: the normaliser and the
 * automaton consult it for every character, so it has to be a single array read.
 */

export const CLS_OTHER = 0;
/** Latin (and Greek/Cyrillic) letters and digits: the characters that make up a word. */
export const CLS_WORD = 1;
/** Han and kana: no spaces between words, so no word boundaries. */
export const CLS_CJK = 2;
export const CLS_SPACE = 3;
/** Punctuation sellers put between characters to break matching ("出-售", "f.a.k.e"). */
export const CLS_SEP = 4;

export type CharClass = typeof CLS_OTHER | typeof CLS_WORD | typeof CLS_CJK | typeof CLS_SPACE | typeof CLS_SEP;

const SEPARATORS = './\\-_*|+~\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2022\u2027\u2212\u30fb';

function buildTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const fill = (from: number, to: number, cls: number): void => {
    t.fill(cls, from, to + 1);
  };
  fill(0x30, 0x39, CLS_WORD);
  fill(0x41, 0x5a, CLS_WORD);
  fill(0x61, 0x7a, CLS_WORD);
  fill(0xc0, 0x24f, CLS_WORD);
  t[0xd7] = CLS_OTHER; // ×
  t[0xf7] = CLS_OTHER; // ÷
  fill(0x370, 0x3ff, CLS_WORD);
  fill(0x400, 0x52f, CLS_WORD);
  fill(0x1e00, 0x1eff, CLS_WORD);
  fill(0x3040, 0x30ff, CLS_CJK);
  t[0x3005] = CLS_CJK; // 々
  t[0x3007] = CLS_CJK; // 〇
  fill(0x3400, 0x4dbf, CLS_CJK);
  fill(0x4e00, 0x9fff, CLS_CJK);
  fill(0xf900, 0xfaff, CLS_CJK);
  t[0x20] = CLS_SPACE;
  for (let i = 0; i < SEPARATORS.length; i++) t[SEPARATORS.charCodeAt(i)] = CLS_SEP;
  // Symbols and dingbats dropped between characters (跑❤分, 出★售) read as separators too.
  fill(0x2600, 0x27bf, CLS_SEP);
  fill(0x2b00, 0x2bff, CLS_SEP);
  return t;
}

/** Class of a UTF-16 code unit; surrogates are CLS_OTHER (see classOfCodePoint). */
export const CHAR_CLASS: Uint8Array = buildTable();

export function classOfCodePoint(cp: number): CharClass {
  if (cp < 0x10000) return CHAR_CLASS[cp] as CharClass;
  // CJK Unified Ideographs Extension B and later live in planes 2 and 3.
  return cp >= 0x20000 && cp < 0x40000 ? CLS_CJK : CLS_OTHER;
}
