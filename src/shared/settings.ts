import { z } from 'zod';
import { categorySchema, SEARCHABLE_CATEGORIES } from './taxonomy';
import { checkEndpointUrl } from './url';

/** Storage key of the settings object (DESIGN.md §5, contract). */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export const endpointSchema = z.object({
  url: z.string().max(2048).refine((url) => checkEndpointUrl(url) === null, {
    message: 'must be an https URL (http only for 127.0.0.1/localhost), without user:password',
  }),
  token: z.string().max(4096).optional(),
});

export const customPhraseSchema = z.object({
  phrase: z.string().trim().min(1).max(200),
  category: categorySchema.exclude(['child-sexual-abuse']),
  strength: z.enum(['strong', 'weak']).default('strong'),
  regex: z.boolean().default(false),
});

export const subscriptionSchema = z.object({
  url: z.string().url().max(2048),
  enabled: z.boolean().default(true),
});

export const officialSiteSchema = z.object({
  name: z.string().min(1).max(200),
  country: z.string().min(2).max(60),
  url: z.string().url().max(2048),
  categories: z.array(categorySchema).default([]),
});

export const settingsSchema = z.object({
  version: z.number().int().default(SETTINGS_VERSION),
  endpoint: endpointSchema.nullable().default(null),
  highlight: z
    .object({
      enabled: z.boolean().default(true),
      pausedSites: z.array(z.string().max(253)).max(10_000).default([]),
      stealth: z.boolean().default(false),
      stealthSites: z.array(z.string().max(253)).max(10_000).default([]),
    })
    .default({ enabled: true, pausedSites: [], stealth: false, stealthSites: [] }),
  categories: z.array(categorySchema).default([...SEARCHABLE_CATEGORIES]),
  customPhrases: z.array(customPhraseSchema).max(5000).default([]),
  subscriptions: z.array(subscriptionSchema).max(50).default([]),
  privacy: z
    .object({
      anonymous: z.boolean().default(true),
      contact: z.string().max(500).default(''),
      snapshotByDefault: z.boolean().default(false),
      retentionDays: z.number().int().min(1).max(3650).default(90),
    })
    .default({ anonymous: true, contact: '', snapshotByDefault: false, retentionDays: 90 }),
  officialSites: z.array(officialSiteSchema).max(100).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Endpoint = z.infer<typeof endpointSchema>;
export type CustomPhrase = z.infer<typeof customPhraseSchema>;

/**
 * Categories searched for. The switches cover the categories with built-in lists; "other" has none,
 * so the reporter's own phrases and subscribed lists in it are always searched.
 */
export function enabledCategories(settings: Settings): Set<string> {
  return new Set<string>([...settings.categories, 'other']);
}

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/**
 * Repairs a stored value field by field: what is valid is kept, what is not falls back to its default,
 * and array items that fail are dropped one by one rather than emptying the list (DESIGN.md §5).
 */
export function repairSettings(raw: unknown): { settings: Settings; repaired: string[] } {
  const repaired: string[] = [];
  const value = repairValue(settingsSchema, raw, '', repaired);
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, repaired };
  return { settings: defaultSettings(), repaired: [...repaired, '(all)'] };
}

function repairValue(schema: z.ZodType, raw: unknown, path: string, repaired: string[]): unknown {
  const direct = schema.safeParse(raw);
  if (direct.success) return direct.data;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const value = (raw as Record<string, unknown>)[key];
      const repairedField = repairValue(field, value, path ? `${path}.${key}` : key, repaired);
      if (repairedField !== undefined) out[key] = repairedField;
    }
    // A required field with no default (an endpoint's url) cannot be repaired: the whole object falls back.
    const whole = schema.safeParse(out);
    if (whole.success) return whole.data;
  }
  if (inner instanceof z.ZodArray && Array.isArray(raw)) {
    const element = inner.element as z.ZodType;
    const kept = raw.flatMap((item) => {
      const result = element.safeParse(item);
      return result.success ? [result.data] : [];
    });
    if (kept.length !== raw.length) repaired.push(path);
    const whole = schema.safeParse(kept);
    if (whole.success) return whole.data;
  }
  repaired.push(path);
  const fallback = schema.safeParse(undefined);
  return fallback.success ? fallback.data : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}
