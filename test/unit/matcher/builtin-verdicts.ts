import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';

/*
 * What the detection tests ask of one block of text, scored as the extension scores it with every
 * built-in phrase list. Each test file gets its own matcher (vitest loads this module per file).
 */

export const builtinMatcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries));

/** Is the block suspect, on a page whose headline is `page`? */
export const suspect = (text: string, page?: string): boolean => builtinMatcher.scanBlock([text], page).suspect;

/** The phrases found in the block, in the order of their spans. */
export const phrases = (text: string): string[] => builtinMatcher.scanBlock([text]).spans.map((span) => span.phrase);
