import { CHAR_CLASS, CLS_CJK, CLS_SEP, CLS_SPACE, CLS_WORD, classOfCodePoint } from './char-class';
import {
  FOLD_DROP,
  FOLD_KIND_MASK,
  FOLD_MARK_BIT,
  FOLD_SINGLE,
  FAST_FOLD,
  foldAstral,
  foldCluster,
  foldKind,
  foldedString,
  foldedUnit,
} from './char-fold';
import { OffsetMapBuilder, type OffsetMap } from './offset-map';

// Module-local copies of what the per-character loop reads. Some module loaders (vitest's among
// them) compile each use of an imported binding into a property read through a getter, which made
// this loop several times slower; locals cost nothing in any loader.
const L_CHAR_CLASS = CHAR_CLASS;
const L_FAST_FOLD = FAST_FOLD;
const L_CLS_CJK = CLS_CJK;
const L_CLS_SEP = CLS_SEP;
const L_CLS_SPACE = CLS_SPACE;
const L_CLS_WORD = CLS_WORD;
const L_FOLD_DROP = FOLD_DROP;
const L_FOLD_KIND_MASK = FOLD_KIND_MASK;
const L_FOLD_MARK_BIT = FOLD_MARK_BIT;
const L_FOLD_SINGLE = FOLD_SINGLE;
const L_foldKind = foldKind;
const L_foldedUnit = foldedUnit;

/**
 * Normalised text plus a map back to the source. Unit `i` came from source units
 * `[map.sourceStart(i), map.sourceEnd(i))`; both are non-decreasing in `i`, so a match `[s, e)` in
 * `text` is the source range `[sourceStart(s), sourceEnd(e - 1))` (see `sourceRange`). Units of one
 * NFKC expansion ("㎏" → "kg") share the same source range.
 */
export interface NormalisedText {
  /** Normalised UTF-16 units; the automaton scans these directly. */
  readonly codes: Uint16Array;
  /** The same units as a string, decoded on first use (most blocks never need it). */
  readonly text: string;
  readonly length: number;
  /** Where each normalised unit came from in `source`. */
  readonly map: OffsetMap;
  /** The source: the input string, or the text nodes joined without separators. */
  readonly source: string;
  /** Source offset where each text node begins, plus the total length at the end. */
  readonly nodeStarts: Uint32Array;
}

class Normalised implements NormalisedText {
  private decoded: string | undefined;

  constructor(
    readonly codes: Uint16Array,
    readonly map: OffsetMap,
    readonly source: string,
    readonly nodeStarts: Uint32Array,
  ) {}

  get length(): number {
    return this.codes.length;
  }

  get text(): string {
    this.decoded ??= decodeUnits(this.codes);
    return this.decoded;
  }
}

/**
 * Separator runs (whitespace, ".", "-", "_", "*", "|", "/", …) are dropped between two CJK characters
 * ("出 售" → "出售") and between single Latin letters or digits ("f.a.k.e" → "fake"); elsewhere
 * whitespace runs collapse to one space and other separators stay, so word boundaries survive.
 *
 * One function with its state in locals: this loop runs over every character of every page, and V8
 * keeps locals in registers where object fields and closures would cost a memory access each.
 */
export function normalise(input: string | readonly string[]): NormalisedText {
  const source = typeof input === 'string' ? input : input.join('');
  const map = new OffsetMapBuilder();
  const codes = normaliseUnits(source, map, null);
  return new Normalised(codes, map, source, nodeOffsets(input, source.length));
}

// Phrases are normalised by the thousand when a page loads: they reuse one buffer and one map
// instead of allocating three typed arrays each.
let scratch = new Uint16Array(256);
const scratchMap = new OffsetMapBuilder();

/** Normalised text only, for phrases and tests. */
export function normaliseText(input: string): string {
  if (scratch.length < input.length + 16) scratch = new Uint16Array(input.length * 2 + 16);
  scratchMap.reset();
  const codes = normaliseUnits(input, scratchMap, scratch);
  return codes.length <= 1024 ? String.fromCharCode.apply(null, codes as unknown as number[]) : decodeUnits(codes);
}

/** The normalising loop: units into `buffer` (or a new array), offsets into `map`. */
function normaliseUnits(source: string, map: OffsetMapBuilder, buffer: Uint16Array | null): Uint16Array {
  const n = source.length;
  let codes = buffer ?? new Uint16Array(n + 16);
  let cap = codes.length;
  let len = 0;
  /** Output index where the current separator gap began, or NONE. */
  let gapStart = NONE;
  let gapAfterCjk = false;
  let gapAfterSingle = false;
  /** Class of the last non-separator unit, and the length of the word run it ends. */
  let prevCls = NONE;
  let runLen = 0;
  /** Gap between a single letter and a word run whose length is not known yet. */
  let pendingGap = NONE;

  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    const start = i;
    let unit = L_FAST_FOLD[c] ?? 0;
    let str: string | null = null;
    let forced = NONE;
    // Fast path: a known one-to-one character not followed by a combining mark.
    if (unit !== 0 && (i + 1 === n || (L_FAST_FOLD[source.charCodeAt(i + 1)] ?? 0) !== 0 || !isMarkAt(source, i + 1))) {
      i++;
    } else {
      i = decodeSlow(source, i, slow);
      str = slow.str;
      unit = slow.unit;
      forced = slow.forced;
    }
    const count = str === null ? 1 : str.length;
    for (let k = 0; k < count; k++) {
      const u = str === null ? unit : str.charCodeAt(k);
      let cls = L_CHAR_CLASS[u] ?? 0;
      // Surrogate halves of an astral character carry its class (e.g. CJK Extension B).
      if (cls === 0 && forced !== NONE) cls = forced;

      if (cls === L_CLS_SPACE || cls === L_CLS_SEP) {
        if (gapStart === NONE) {
          if (pendingGap !== NONE) {
            if (prevCls === L_CLS_WORD && runLen === 1) len = joinAt(codes, map, len, pendingGap);
            pendingGap = NONE;
          }
          gapStart = len;
          gapAfterCjk = prevCls === L_CLS_CJK;
          gapAfterSingle = prevCls === L_CLS_WORD && runLen === 1;
        }
        if (cls === L_CLS_SPACE && len > gapStart && codes[len - 1] === 0x20) continue;
      } else {
        if (gapStart !== NONE) {
          if (gapAfterCjk && cls === L_CLS_CJK) {
            len = gapStart;
            map.truncate(len);
          }
          else if (gapAfterSingle && cls === L_CLS_WORD && !isDecimalPoint(codes, gapStart, len, u)) pendingGap = gapStart;
          gapStart = NONE;
          runLen = 0;
        } else if (cls !== L_CLS_WORD && pendingGap !== NONE) {
          if (prevCls === L_CLS_WORD && runLen === 1) len = joinAt(codes, map, len, pendingGap);
          pendingGap = NONE;
        }
        if (cls === L_CLS_WORD) {
          runLen = prevCls === L_CLS_WORD ? runLen + 1 : 1;
          if (runLen > 1) pendingGap = NONE;
        } else {
          runLen = 0;
        }
        prevCls = cls;
      }
      if (len === cap) {
        cap *= 2;
        const bigger = new Uint16Array(cap);
        bigger.set(codes);
        codes = bigger;
      }
      codes[len] = u;
      map.add(len, start, i);
      len++;
    }
  }
  if (pendingGap !== NONE && gapStart === NONE && prevCls === L_CLS_WORD && runLen === 1) {
    len = joinAt(codes, map, len, pendingGap);
  }
  return codes.subarray(0, len);
}

/** Source range `[start, end)` of the normalised range `[s, e)`. */
export function sourceRange(nt: NormalisedText, s: number, e: number): { start: number; end: number } {
  if (e <= s) {
    const at = s < nt.length ? nt.map.sourceStart(s) : nt.source.length;
    return { start: at, end: at };
  }
  return { start: nt.map.sourceStart(s), end: nt.map.sourceEnd(e - 1) };
}

function nodeOffsets(input: string | readonly string[], total: number): Uint32Array {
  if (typeof input === 'string') return Uint32Array.of(0, total);
  const out = new Uint32Array(input.length + 1);
  let at = 0;
  for (let k = 0; k < input.length; k++) {
    out[k] = at;
    at += (input[k] ?? '').length;
  }
  out[input.length] = at;
  return out;
}

const NONE = -1;

/** Result of `decodeSlow`, reused so that the rare path allocates nothing either. */
const slow = { str: null as string | null, unit: 0, forced: NONE };

/**
 * Fold the character group at `i` (astral pair, base plus combining marks, expansion, invisible)
 * into `out`; returns the index after the group.
 */
function decodeSlow(source: string, i: number, out: typeof slow): number {
  const n = source.length;
  const c = source.charCodeAt(i);
  out.forced = NONE;
  out.unit = 0;
  out.str = null;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(source.charCodeAt(i + 1))) {
    const cp = ((c - 0xd800) << 10) + (source.charCodeAt(i + 1) - 0xdc00) + 0x10000;
    out.str = foldAstral(cp);
    out.forced = classOfCodePoint(cp);
    return i + 2;
  }
  const kind = L_foldKind(c);
  // Combining marks compose with the preceding character, so they are normalised as one cluster.
  let j = i + 1;
  while (j < n && isMarkAt(source, j)) j++;
  if (j > i + 1) out.str = foldCluster(source.slice(i, j));
  else if ((kind & L_FOLD_KIND_MASK) === L_FOLD_SINGLE) out.unit = L_foldedUnit(c);
  else if ((kind & L_FOLD_KIND_MASK) === L_FOLD_DROP) out.str = '';
  else out.str = foldedString(c);
  return j;
}

function isMarkAt(source: string, j: number): boolean {
  return (L_foldKind(source.charCodeAt(j)) & L_FOLD_MARK_BIT) !== 0;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Remove the gap at `g` before the last unit (a single letter): "f.a" → "fa". Returns the new length. */
function joinAt(codes: Uint16Array, map: OffsetMapBuilder, len: number, g: number): number {
  const last = len - 1;
  const s = map.sourceStart(last);
  const e = map.sourceEnd(last);
  map.truncate(g);
  codes[g] = codes[last] ?? 0;
  map.add(g, s, e);
  return g + 1;
}

/** "3.5" must stay a number, not become "35": a lone "." between digits is not an evasion. */
function isDecimalPoint(codes: Uint16Array, gapStart: number, len: number, next: number): boolean {
  return len === gapStart + 1 && codes[gapStart] === 0x2e && isDigit(next) && isDigit(codes[gapStart - 1] ?? 0);
}

function isDigit(u: number): boolean {
  return u >= 0x30 && u <= 0x39;
}

// TextDecoder is native and an order of magnitude faster than String.fromCharCode over chunks.
// Lone surrogates were already replaced during folding, so decoding cannot alter the length.
const UTF16 = new TextDecoder('utf-16le');

function decodeUnits(codes: Uint16Array): string {
  return UTF16.decode(codes);
}
