/*
 * Digits and symbols that sellers write for letters to pass keyword filters: "kn1ves", "w@llh@ck",
 * "a1mb0t", "Trustp1lot", "gr4moxone". The exact scan reads a block a second time with them folded to
 * their letters, only where one stands between two letters (so "1g", "5g", "ak47" and "$450" stay as
 * they are); the page prefilter folds them everywhere, a superset (src/matcher/prefilter.ts).
 */

import { CHAR_CLASS, CLS_WORD } from './char-class';

/** The letter each stands for, by UTF-16 unit; 0 for any other unit. */
const LEET_LETTER = new Uint16Array(0x80);
for (const [from, to] of Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' })) {
  LEET_LETTER[from.charCodeAt(0)] = to.charCodeAt(0);
}

/** The letter a unit stands for, or 0 where it stands for none. */
export const leetLetter = (unit: number): number => (unit < 0x80 ? (LEET_LETTER[unit] ?? 0) : 0);

/** The symbols among them, which are no word characters: the prefilter cannot tell a word's edge beside one. */
export const isLeetSymbol = (unit: number): boolean => leetLetter(unit) !== 0 && CHAR_CLASS[unit] !== CLS_WORD;

const isLetter = (unit: number): boolean => unit >= 0x61 && unit <= 0x7a;

/**
 * The normalised units with every leet digit or symbol that stands between two Latin letters folded to its
 * letter, or null where there is none. The length is unchanged: a hit's offsets hold for the text as read.
 */
export function foldLeet(codes: Uint16Array): Uint16Array | null {
  let folded: Uint16Array | null = null;
  for (let i = 1; i + 1 < codes.length; i++) {
    const letter = leetLetter(codes[i] ?? 0);
    if (letter === 0 || !isLetter(codes[i - 1] ?? 0) || !isLetter(codes[i + 1] ?? 0)) continue;
    folded ??= codes.slice();
    folded[i] = letter;
  }
  return folded;
}
