import { z } from 'zod';
import { CATEGORY_IDS } from './taxonomy';

/** `tipline.phrases/v1` (docs/PHRASE-LISTS.md): the format of built-in and operator lists. */
export const PHRASE_LIST_SCHEMA_ID = 'tipline.phrases/v1';
export const MAX_ENTRIES = 20_000;


export const phraseEntrySchema = z.object({
  phrase: z.string().trim().min(1).max(200),
  category: z.enum(CATEGORY_IDS).exclude(['child-sexual-abuse']),
  strength: z.enum(['strong', 'weak']),
  lang: z.enum(['en', 'zh']).optional(),
  note: z.string().max(500).optional(),
});

export const phraseListSchema = z.object({
  schema: z.literal(PHRASE_LIST_SCHEMA_ID),
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().min(1).max(50),
  description: z.string().max(2000).optional(),
  entries: z.array(phraseEntrySchema).max(MAX_ENTRIES),
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
