import { BUILTIN_PHRASE_LISTS } from '../phrases';
import type { PhraseEntry } from '../shared/phrase-list';
import { normaliseText } from './match/normalise';
import { PagePrefilter } from './match/prefilter';
import { fromBase64 } from './match/table-pack';

/** Set by vite.config.ts in the content script's build: the tables of `builtinPrefilterBytes()`, in base64. */
declare const __TIPLINE_BUILTIN_PREFILTER__: string | undefined;

/** Every built-in entry, in the order the prebuilt prefilter numbers them. */
export const BUILTIN_ENTRIES: readonly PhraseEntry[] = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries);

/** Phrases as the exact scan matches them, which is what the prefilter is built from. */
export function prefilterPatterns(entries: readonly { phrase: string }[]): string[] {
  return entries.map((entry) => normaliseText(entry.phrase).trim());
}

/** What the build embeds: building the prefilter of 648 phrases cost 20-35 ms on every page load. */
export function builtinPrefilterBytes(): Uint8Array {
  return new PagePrefilter(prefilterPatterns(BUILTIN_ENTRIES)).toBytes();
}

/**
 * A fresh prefilter of every built-in phrase from the tables embedded at build time, or undefined
 * where there are none (unit tests, which build it from the lists).
 */
export function prebuiltPrefilter(): PagePrefilter | undefined {
  if (typeof __TIPLINE_BUILTIN_PREFILTER__ !== 'string') return undefined;
  try {
    return new PagePrefilter(fromBase64(__TIPLINE_BUILTIN_PREFILTER__));
  } catch {
    return undefined;
  }
}
