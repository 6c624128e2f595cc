import { PHRASE_LIST_SCHEMA_ID, type PhraseEntry, type PhraseList } from '../shared/phrase-list';
import { CATEGORY_IDS } from '../shared/taxonomy';
import { EN } from './en';
import type { PhraseSet } from './phrase-set';
import { ZH } from './zh';
import { GOODS_EN, GOODS_ZH } from './goods';
import { AMBIGUOUS_WORDS } from './signals';

/** Everyday words that count only beside others: their plurals are listed by hand, where they are at all. */
const AMBIGUOUS = new Set(AMBIGUOUS_WORDS.map((word) => word.phrase.toLowerCase()));

/** The endings of the nouns that name goods (a blocker, a kit, an app, a card): other last words have no plural worth listing. */
const GOODS_NOUN = /(?:[a-z]er|[a-z]or|kit|app|apk|card|tool|bot|panel|page|device|box|trojan|gun|pistol|rifle|certificate|licence|license|passport|document|receipt|invoice|stub|fob|cartridge|pen|vape|pill|patch|bar|account|dump|log|tape|video|pack|folder|link)$/i;

/**
 * The plural of an English phrase of two words or more ("gps blocker" → "gps blockers", "relay box" →
 * "relay boxes"): a Latin phrase matches on word boundaries, so a listing's "We sell GPS blockers"
 * is not "gps blocker". One-word names keep to their lists ("rat" is no "rats"); so do ambiguous words.
 */
function plural(phrase: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9' -]* [a-z]{3,}$/i.test(phrase) || AMBIGUOUS.has(phrase.toLowerCase()) || !GOODS_NOUN.test(phrase)) return undefined;
  if (/(?:x|ch|sh)$/i.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/i.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}

function toList(name: string, lang: 'en' | 'zh', set: PhraseSet, goods: typeof GOODS_EN): PhraseList {
  const entries: PhraseEntry[] = [];
  for (const category of CATEGORY_IDS) {
    if (category === 'child-sexual-abuse') continue;
    const listed = new Set<string>();
    const categoryStart = entries.length;
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
    if (lang === 'en') {
      for (const entry of entries.slice(categoryStart)) {
        const many = plural(entry.phrase);
        if (many === undefined || listed.has(many.toLowerCase())) continue;
        entries.push({ ...entry, phrase: many });
        listed.add(many.toLowerCase());
      }
    }
  }
  return { schema: PHRASE_LIST_SCHEMA_ID, name, version: '2026.11.1', entries };
}

/** The lists the extension ships; operators add theirs by subscription (docs/PHRASE-LISTS.md). */
export const BUILTIN_PHRASE_LISTS: readonly PhraseList[] = [toList('Tipline built-in (English)', 'en', EN, GOODS_EN), toList('Tipline built-in (中文)', 'zh', ZH, GOODS_ZH)];
