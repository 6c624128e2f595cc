import { PHRASE_LIST_SCHEMA_ID, type PhraseEntry, type PhraseList } from '../shared/phrase-list';
import { CATEGORY_IDS } from '../shared/taxonomy';
import { EN } from './en';
import type { PhraseSet } from './phrase-set';
import { ZH } from './zh';
import { GOODS_EN, GOODS_ZH } from './goods';

function toList(name: string, lang: 'en' | 'zh', set: PhraseSet, goods: typeof GOODS_EN): PhraseList {
  const entries: PhraseEntry[] = [];
  for (const category of CATEGORY_IDS) {
    if (category === 'child-sexual-abuse') continue;
    const listed = new Set<string>();
    for (const strength of ['strong', 'weak'] as const) {
      for (const phrase of set[category][strength]) {
        entries.push({ phrase, category, strength, lang });
        listed.add(phrase.toLowerCase());
      }
    }
    // The goods' own names, weak: a name already listed keeps its place and strength.
    for (const phrase of goods[category] ?? []) {
      if (listed.has(phrase.toLowerCase())) continue;
      entries.push({ phrase, category, strength: 'weak', lang });
      listed.add(phrase.toLowerCase());
    }
  }
  return { schema: PHRASE_LIST_SCHEMA_ID, name, version: '2026.11.1', entries };
}

/** The lists the extension ships; operators add theirs by subscription (docs/PHRASE-LISTS.md). */
export const BUILTIN_PHRASE_LISTS: readonly PhraseList[] = [toList('Tipline built-in (English)', 'en', EN, GOODS_EN), toList('Tipline built-in (中文)', 'zh', ZH, GOODS_ZH)];
