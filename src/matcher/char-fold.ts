import { INVISIBLE_RANGES } from './invisible';
import { foldTraditional } from './trad-simp';

/**
 * Per-character folding (NFKC, lower case, traditional → simplified, whitespace → " ", invisible
 * characters dropped), cached lazily per UTF-16 unit. Calling `normalize()` per character would be far
 * too slow for megabytes of text, and filling the whole table up front would cost every page load
 * ~65k calls; a page uses a few hundred distinct characters, so learning them on first sight is cheap.
 */

export const FOLD_UNKNOWN = 0;
/** Folds to the single unit in `foldedUnit`. */
export const FOLD_SINGLE = 1;
/** Folds to several units (NFKC expansion such as "㎏" → "kg"): see `foldedString`. */
export const FOLD_MULTI = 2;
/** Invisible: dropped from the normalised text. */
export const FOLD_DROP = 3;
/** Bit set on combining marks, which must be normalised together with their base character. */
export const FOLD_MARK_BIT = 4;
export const FOLD_KIND_MASK = 3;


const kinds = new Uint8Array(0x10000);
/**
 * Folded unit of characters that fold one-to-one and are not combining marks, 0 while unknown or
 * for any other kind: the normaliser's fast path is a single read of this table.
 */
export const FAST_FOLD = new Uint16Array(0x10000);
const singles = new Uint16Array(0x10000);
const multis = new Map<number, string>();
const astral = new Map<number, string>();

for (const [from, to] of INVISIBLE_RANGES) kinds.fill(FOLD_DROP, from, to + 1);

// ASCII folds to itself, lower case, or a space, and is most of many pages: known before the first
// page text, so that none of it goes through `normalize()` one character at a time.
for (let code = 0; code < 0x80; code++) {
  const folded = code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d ? 0x20 : code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  kinds[code] = FOLD_SINGLE;
  singles[code] = folded;
  FAST_FOLD[code] = folded;
}

const MARK = /^\p{M}$/u;
const SPACE = /^\s$/u;

/** Fold an already NFKC-normalised string: lower case, traditional → simplified, whitespace → " ". */
export function foldNormalised(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x10000 && (kinds[c] ?? 0) === FOLD_DROP) continue;
    out += SPACE.test(lower[i] ?? '') ? ' ' : String.fromCharCode(foldTraditional(c));
  }
  return out;
}

function learn(code: number): number {
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) {
    // Unified ideographs have no NFKC mapping, no case and are neither spaces nor marks: only the
    // traditional -> simplified fold applies. Most of a Chinese page, and the first use of the
    // Unicode-property regular expressions below cost milliseconds.
    const folded = foldTraditional(code);
    singles[code] = folded;
    FAST_FOLD[code] = folded;
    kinds[code] = FOLD_SINGLE;
    return FOLD_SINGLE;
  }
  const ch = String.fromCharCode(code);
  // A lone surrogate is not text; U+FFFD keeps one unit per unit so offsets stay exact.
  const folded = code >= 0xd800 && code <= 0xdfff ? '\ufffd' : foldNormalised(ch.normalize('NFKC'));
  let kind: number;
  if (folded.length === 0) kind = FOLD_DROP;
  else if (folded.length === 1) {
    kind = FOLD_SINGLE;
    singles[code] = folded.charCodeAt(0);
  } else {
    kind = FOLD_MULTI;
    multis.set(code, folded);
  }
  if (MARK.test(ch)) kind |= FOLD_MARK_BIT;
  else if (kind === FOLD_SINGLE && (code < 0xd800 || code > 0xdfff)) FAST_FOLD[code] = singles[code] ?? 0;
  kinds[code] = kind;
  return kind;
}

/** Fold kind of a unit (FOLD_* plus FOLD_MARK_BIT), learning it on first sight. */
export function foldKind(code: number): number {
  const k = kinds[code] ?? 0;
  return k === FOLD_UNKNOWN ? learn(code) : k;
}

export function foldedUnit(code: number): number {
  return singles[code] ?? code;
}

export function foldedString(code: number): string {
  return multis.get(code) ?? '';
}

/** Folded form of a supplementary-plane code point (e.g. 𝐟 → f, CJK Extension B stays). */
export function foldAstral(cp: number): string {
  let s = astral.get(cp);
  if (s === undefined) {
    s = foldNormalised(String.fromCodePoint(cp).normalize('NFKC'));
    astral.set(cp, s);
  }
  return s;
}

/** Folded form of a base character followed by combining marks, normalised together. */
export function foldCluster(cluster: string): string {
  return foldNormalised(cluster.normalize('NFKC'));
}
