import { isInvisible } from '../matcher/invisible';
import { SCAN_BATCH_UNITS } from '../shared/protocol/block-scan-limits';

/*
 * Texts cut to the size of one request to the worker (remote-engine.ts), and the text that a part of
 * an oversized block is sent with on either side of it.
 */

/** A text cut where it exceeds one request's units: `[text index, offset of the piece]` per piece. */
export interface Pieces {
  texts: string[];
  origins: [number, number][];
}

export function cut(texts: readonly string[], limit: number): Pieces {
  const out: Pieces = { texts: [], origins: [] };
  texts.forEach((text, index) => {
    if (text.length <= limit) {
      out.texts.push(text);
      out.origins.push([index, 0]);
      return;
    }
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + limit, text.length);
      // Not between the two halves of a surrogate pair (and never an empty piece).
      const last = text.charCodeAt(end - 1);
      if (end < text.length && end - 1 > at && last >= 0xd800 && last <= 0xdbff) end--;
      out.texts.push(text.slice(at, end));
      out.origins.push([index, at]);
      at = end;
    }
  });
  return out;
}

/**
 * What a part of an oversized block is sent with on each side: longer than any phrase (at most 1,000
 * characters), spread out with separators as sellers do ("f.a.k.e"), can be.
 */
export const CONTEXT_UNITS = 8_192;
export const CONTEXT_TEXTS = 256;
/** The units of its own that one part of an oversized block holds. */
export const PART_UNITS = SCAN_BATCH_UNITS - 2 * CONTEXT_UNITS;

/** Whether a unit is the second half of a surrogate pair, where a slice must not start. */
function isLowSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The last units before piece `start` (at most CONTEXT_UNITS in CONTEXT_TEXTS pieces), with their origins. */
export function contextBefore(pieces: Pieces, start: number): Pieces {
  const out: Pieces = { texts: [], origins: [] };
  let units = 0;
  for (let index = start - 1; index >= 0 && units < CONTEXT_UNITS && out.texts.length < CONTEXT_TEXTS; index--) {
    const text = pieces.texts[index] as string;
    const origin = pieces.origins[index] as [number, number];
    let from = Math.max(0, text.length - (CONTEXT_UNITS - units));
    if (from > 0 && isLowSurrogate(text, from)) from++;
    if (from >= text.length) break;
    out.texts.unshift(text.slice(from));
    out.origins.unshift([origin[0], origin[1] + from]);
    units += text.length - from;
  }
  return out;
}

/** Spaces that the exact scan reads as one space, whatever their number (normalise.ts). */
const SPACES = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20, 0xa0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000]);
/** Spaces, and characters that the exact scan drops: a run of them is read as one space or nothing. */
function isPadding(code: number): boolean {
  return SPACES.has(code) || isInvisible(code);
}

/**
 * The text after piece `end` as the part before it needs it to finish a phrase: CONTEXT_UNITS units
 * that count, in at most CONTEXT_TEXTS pieces. A run of spaces and invisible characters counts as the
 * one space (or nothing) that the exact scan reads of it, and is sent so: a page that pads a phrase
 * with thousands of them ("fake", 9,000 spaces, "passports", which renders as "fake passports")
 * cannot push its end out of reach. Each piece keeps its origin, so offsets still map to the text.
 */
export function contextAfter(pieces: Pieces, end: number): Pieces {
  const out: Pieces = { texts: [], origins: [] };
  let units = 0;
  // The last unit sent was a space: another run of spaces adds nothing.
  let spaced = false;
  for (let index = end; index < pieces.texts.length && units < CONTEXT_UNITS && out.texts.length < CONTEXT_TEXTS; index++) {
    const text = pieces.texts[index] as string;
    const [node, offset] = pieces.origins[index] as [number, number];
    let from = 0;
    const emit = (to: number) => {
      let stop = Math.min(to, from + CONTEXT_UNITS - units);
      if (stop < to && stop > from && isLowSurrogate(text, stop)) stop--;
      if (stop <= from) return;
      out.texts.push(text.slice(from, stop));
      out.origins.push([node, offset + from]);
      units += stop - from;
    };
    for (let at = 0; at < text.length && units + (at - from) < CONTEXT_UNITS && out.texts.length < CONTEXT_TEXTS; ) {
      const code = text.charCodeAt(at);
      if (!isPadding(code)) {
        spaced = false;
        at++;
        continue;
      }
      let runEnd = at;
      let space = -1;
      while (runEnd < text.length && isPadding(text.charCodeAt(runEnd))) {
        if (space < 0 && SPACES.has(text.charCodeAt(runEnd))) space = runEnd;
        runEnd++;
      }
      // A single space after a counted character is sent as it is, inside its piece.
      if (runEnd === at + 1 && space === at && !spaced) {
        spaced = true;
        at = runEnd;
        continue;
      }
      emit(at);
      if (space >= 0 && !spaced && out.texts.length < CONTEXT_TEXTS) {
        out.texts.push(' ');
        out.origins.push([node, offset + space]);
        units++;
        spaced = true;
      }
      from = runEnd;
      at = runEnd;
    }
    if (out.texts.length < CONTEXT_TEXTS) emit(text.length);
  }
  return out;
}

/**
 * Groups pieces into runs that fit one request (`maxTexts` strings, `maxUnits` units), for the
 * prefilter, which carries its state from one run to the next, and for the parts of an oversized block.
 */
export function runs(texts: readonly string[], maxTexts: number, maxUnits: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let units = 0;
  texts.forEach((text, index) => {
    if (index > start && (index - start === maxTexts || units + text.length > maxUnits)) {
      out.push([start, index]);
      start = index;
      units = 0;
    }
    units += text.length;
  });
  if (texts.length > start) out.push([start, texts.length]);
  return out;
}
