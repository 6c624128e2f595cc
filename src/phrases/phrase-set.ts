import type { Category } from '../shared/taxonomy';

/** Phrases of one language, by category and strength: the compact form the built-in lists are written in. */
export type PhraseSet = Record<Category, { strong: readonly string[]; weak: readonly string[] }>;
