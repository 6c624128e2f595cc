/**
 * Whether a short Chinese term stands as a word of its own: 冰 in "出售冰" does, 冰 in 冰箱, 冰淇淋 or
 * 冰糖 does not. `Intl.Segmenter` segments Chinese from a dictionary in Chromium, Firefox and Node;
 * it runs only on a window around such a hit, and only in blocks that hold one.
 */

/** Terms of at most this many units are checked; longer ones are specific enough. */
export const SHORT_TERM_UNITS = 2;
/** Context on either side given to the segmenter: enough for a compound, little to segment. */
const WINDOW = 6;

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

let segmenter: Intl.Segmenter | null | undefined;

function chineseSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/** A hit the boundary check applies to: a Han-only term of one or two characters. */
export function isShortChineseTerm(term: string): boolean {
  return term.length <= SHORT_TERM_UNITS && HAN.test(term);
}

/**
 * False when the segmenter reads `text[start, end)` as part of a longer word; true when it starts and
 * ends on word boundaries, and wherever there is no segmenter (the hit then counts, as it did before).
 */
export function standsAsWord(text: string, start: number, end: number): boolean {
  const words = chineseSegmenter();
  if (!words) return true;
  const from = Math.max(0, start - WINDOW);
  const window = text.slice(from, Math.min(text.length, end + WINDOW));
  const boundaries = new Set<number>();
  for (const segment of words.segment(window)) {
    boundaries.add(from + segment.index);
    boundaries.add(from + segment.index + segment.segment.length);
  }
  return boundaries.has(start) && boundaries.has(end);
}
