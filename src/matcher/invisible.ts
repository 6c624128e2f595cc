/**
 * Invisible characters used to split words without changing how they look: zero-width space/joiners,
 * word joiner and invisible operators, BOM, soft hyphen, bidi controls, variation selectors, and the
 * combining grapheme joiner and Mongolian vowel separator.
 */
export const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

/** Whether a UTF-16 unit is one of the invisible characters above. */
export function isInvisible(code: number): boolean {
  for (const [from, to] of INVISIBLE_RANGES) if (code >= from && code <= to) return true;
  return false;
}
