import { BUILTIN_PHRASE_LISTS } from '../phrases';
import { AMBIGUOUS_WORDS, BENIGN_CONTEXT, CODED_WORDS, EVERYDAY_COMPOUNDS, SALE_INTENT } from '../phrases/signals';
import type { PhraseEntry } from '../shared/phrase-list';
import { signalAutomaton } from './index';
import { PhraseAutomaton } from './automaton';
import { normaliseText } from './normalise';
import { PagePrefilter } from './prefilter';
import { fromBase64 } from './table-pack';

/*
 * Set by scripts/build.ts in the content script's build: the tables of `builtinPrefilterBytes()` and
 * `signalWordBytes()`, in base64.
 */
declare const __TIPLINE_BUILTIN_PREFILTER__: string | undefined;
declare const __TIPLINE_SIGNAL_WORDS__: string | undefined;

/** Sale-intent, benign-context, compound, ambiguous and coded words, as every matcher reads them. */
export const SIGNAL_WORDS = { saleIntent: SALE_INTENT, benignContext: BENIGN_CONTEXT, compounds: EVERYDAY_COMPOUNDS, ambiguous: AMBIGUOUS_WORDS, coded: CODED_WORDS };

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

/** The sale and benign words' automaton, the same on every page: normalising and building it cost ~12 ms cold. */
export function signalWordBytes(): Uint8Array {
  return signalAutomaton(SIGNAL_WORDS).toBytes();
}

let signalWords: PhraseAutomaton | undefined;

/** The sale and benign words' automaton: from the build's tables, else built once per page. */
export function signalWordAutomaton(): PhraseAutomaton {
  if (signalWords) return signalWords;
  if (typeof __TIPLINE_SIGNAL_WORDS__ === 'string') {
    try {
      signalWords = PhraseAutomaton.fromBytes(fromBase64(__TIPLINE_SIGNAL_WORDS__));
    } catch {
      // Fall through to building it.
    }
  }
  signalWords ??= signalAutomaton(SIGNAL_WORDS);
  return signalWords;
}
