import { z } from 'zod/mini';
import { LISTABLE_CATEGORY_IDS } from './taxonomy';

/** `tipline.phrases/v1` (docs/PHRASE-LISTS.md): the format of built-in and operator lists. */
export const PHRASE_LIST_SCHEMA_ID = 'tipline.phrases/v1';
export const MAX_ENTRIES = 20_000;


export const phraseEntrySchema = z.object({
  phrase: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  category: z.enum(LISTABLE_CATEGORY_IDS),
  strength: z.enum(['strong', 'weak']),
  lang: z.optional(z.enum(['en', 'zh'])),
  note: z.optional(z.string().check(z.maxLength(500))),
});

export const phraseListSchema = z.object({
  schema: z.literal(PHRASE_LIST_SCHEMA_ID),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  version: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
  description: z.optional(z.string().check(z.maxLength(2000))),
  entries: z.array(phraseEntrySchema).check(z.maxLength(MAX_ENTRIES)),
});
export type PhraseEntry = z.infer<typeof phraseEntrySchema>;
export type PhraseList = z.infer<typeof phraseListSchema>;

/** Validates an untrusted list (an import, a subscription) and says what is wrong in one line. */
export function parsePhraseList(raw: unknown): { ok: true; list: PhraseList } | { ok: false; error: string } {
  const parsed = phraseListSchema.safeParse(raw);
  if (parsed.success) return { ok: true, list: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join('.') : '(root)';
  return { ok: false, error: `${path}: ${issue?.message ?? 'invalid'}` };
}
