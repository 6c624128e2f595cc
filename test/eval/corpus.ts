import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LISTABLE_CATEGORY_IDS } from '../../src/shared/taxonomy';

/*
 * The detection evaluation set (test/corpus/): pages written for it, each modelled on a kind of real
 * page, with a manifest per batch (test/corpus/manifest/*.json) that says what each page is.
 */

export const CORPUS_DIR = resolve(import.meta.dirname, '../corpus');

/** Child sexual abuse has no page in the set: it is reported by URL, never searched for. */
const categoryId = z.enum(LISTABLE_CATEGORY_IDS);

const common = {
  file: z.string().regex(/^[a-z0-9]+\/[a-z0-9-]+\.html$/, 'a batch folder and a lower-case file name'),
  lang: z.enum(['en', 'zh']),
  genre: z.string().min(1),
  modelledOn: z.string().min(1),
  about: z.string().optional(),
};

export const corpusPageSchema = z.discriminatedUnion('label', [
  z.object({ ...common, label: z.literal('listing'), category: categoryId, quotedOffer: z.boolean().default(false) }),
  z.object({ ...common, label: z.literal('benign'), near: z.union([categoryId, z.literal('none')]).default('none') }),
]);
export type CorpusPage = z.infer<typeof corpusPageSchema>;

/** Every page of every batch manifest; a malformed entry, a missing file or a repeated one stops the run with its name. */
export function loadCorpus(dir = CORPUS_DIR): CorpusPage[] {
  const manifestDir = join(dir, 'manifest');
  if (!existsSync(manifestDir)) return [];
  const pages: CorpusPage[] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(manifestDir).filter((file) => file.endsWith('.json')).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(manifestDir, name), 'utf8'));
    } catch (error) {
      throw new Error(`test/corpus/manifest/${name}: not JSON (${(error as Error).message})`);
    }
    const parsed = z.array(corpusPageSchema).safeParse(raw);
    if (!parsed.success) throw new Error(`test/corpus/manifest/${name}: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    for (const page of parsed.data) {
      if (seen.has(page.file)) throw new Error(`test/corpus/manifest/${name}: ${page.file} is listed twice`);
      if (!existsSync(join(dir, 'pages', page.file))) throw new Error(`test/corpus/manifest/${name}: ${page.file} does not exist under test/corpus/pages/`);
      seen.add(page.file);
      pages.push(page);
    }
  }
  return pages;
}

export function readPage(page: CorpusPage, dir = CORPUS_DIR): string {
  return readFileSync(join(dir, 'pages', page.file), 'utf8');
}

/** FNV-1a of a string, for the split: stable across runs, machines and Node versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const SPLIT_SEED = 'tipline-eval-1';
export const HELD_OUT_SHARE = 0.3;

/** The batches (folders of test/corpus/pages/) split together when the split was first chosen. */
const FIRST_WAVE = new Set(['a', 'b', 'c', 'd', 'e']);

/**
 * The group a page is split within: the first five batches together, each later batch on its own.
 * So adding a batch never moves a page of an earlier one across the split (a page tuned on never
 * becomes a held-out page), and each batch brings its own ~30% of held-out pages.
 */
export function waveOf(page: Pick<CorpusPage, 'file'>): string {
  const batch = page.file.slice(0, page.file.indexOf('/'));
  return FIRST_WAVE.has(batch) ? 'a-e' : batch;
}

/** The stratum a page is split within: its wave, its label and category (or the category it sits near), and its language. */
export function stratumOf(page: CorpusPage): string {
  const wave = waveOf(page);
  return page.label === 'listing' ? `${wave}:listing:${page.category}:${page.lang}` : `${wave}:benign:${page.near}:${page.lang}`;
}

/**
 * The held-out pages: in each stratum, the ~30% whose seeded hash of the file name is lowest. The
 * rules, lists and weights are tuned on the other pages only; these are looked at for numbers alone.
 */
export function heldOut(pages: readonly CorpusPage[]): Set<string> {
  const strata = new Map<string, CorpusPage[]>();
  for (const page of pages) {
    const key = stratumOf(page);
    strata.set(key, [...(strata.get(key) ?? []), page]);
  }
  const held = new Set<string>();
  for (const members of strata.values()) {
    const ranked = [...members].sort((a, b) => fnv1a(`${SPLIT_SEED}:${a.file}`) - fnv1a(`${SPLIT_SEED}:${b.file}`) || a.file.localeCompare(b.file));
    const count = Math.round(members.length * HELD_OUT_SHARE);
    for (const page of ranked.slice(0, count)) held.add(page.file);
  }
  return held;
}
