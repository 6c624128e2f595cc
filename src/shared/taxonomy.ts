/** Category ids are a protocol contract (docs/ARCHITECTURE.md, evidence rules): never rename one without a version bump. */
export const CATEGORY_IDS = [
  'firearms-explosives',
  'weapons-police-gear',
  'drugs-precursors',
  'toxic-chemicals',
  'identity-documents',
  'personal-data',
  'bank-cards',
  'counterfeit-invoices',
  'hacking-tools',
  'jammers',
  'human-organs',
  'pornography',
  'child-sexual-abuse',
  'other',
] as const;

// No zod here: the report form uses the ids only, and its bundle leaves zod out (README, Performance).
// The schema is in category-schema.ts.
export type Category = (typeof CATEGORY_IDS)[number];

/** Categories a phrase can belong to: every one but child sexual abuse, which is never searched for. */
export const LISTABLE_CATEGORY_IDS = CATEGORY_IDS.filter((id): id is Exclude<Category, 'child-sexual-abuse'> => id !== 'child-sexual-abuse');

/** Categories that can be searched for on a page (CSAM is reported, never searched for). */
export const SEARCHABLE_CATEGORIES = CATEGORY_IDS.filter(
  (id): id is Exclude<Category, 'child-sexual-abuse' | 'other'> => id !== 'child-sexual-abuse' && id !== 'other',
);

/** Highlight colours: mid-saturation so black text stays readable on them and they still show on dark pages. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  'firearms-explosives': '#ff8a80',
  'weapons-police-gear': '#ffab40',
  'drugs-precursors': '#b9f6ca',
  'toxic-chemicals': '#ccff90',
  'identity-documents': '#80d8ff',
  'personal-data': '#82b1ff',
  'bank-cards': '#b388ff',
  'counterfeit-invoices': '#ffe57f',
  'hacking-tools': '#a7ffeb',
  jammers: '#ff80ab',
  'human-organs': '#ea80fc',
  pornography: '#f48fb1',
  'child-sexual-abuse': '#ffffff',
  other: '#e0e0e0',
};

/** Evidence a category allows by default (docs/ARCHITECTURE.md, evidence rules). */
export type EvidencePolicy = 'forbidden' | 'opt-in' | 'default';

export function evidencePolicy(category: Category): EvidencePolicy {
  if (category === 'child-sexual-abuse') return 'forbidden';
  if (category === 'pornography') return 'opt-in';
  return 'default';
}

/** `_locales` message key of a category's label. */
export function categoryMessageKey(category: Category): string {
  return `category_${category.replace(/-/g, '_')}`;
}
