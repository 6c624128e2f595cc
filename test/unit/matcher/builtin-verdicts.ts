import { createBlockMatcher } from '../../../src/matcher/build-matcher';
import { BUILTIN_PHRASE_LISTS } from '../../../src/phrases';

/*
 * What the detection tests ask of one block of text, scored by the rules as the extension scores it with
 * every built-in phrase list. Each test file gets its own matcher (vitest loads this module per file).
 */

// The rules alone: the offer gate, which reads a block a second time when the text around it is given,
// has its own tests (offer-gate.test.ts) and is judged on the evaluation set (npm run eval).
export const builtinMatcher = createBlockMatcher(BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries), [], undefined, { model: null });

/** Is the block suspect, on a page whose headline is `page`? */
export const suspect = (text: string, page?: string): boolean => builtinMatcher.scanBlock([text], page).suspect;

/** The phrases found in the block, in the order of their spans. */
export const phrases = (text: string): string[] => builtinMatcher.scanBlock([text]).spans.map((span) => span.phrase);
