import { z } from 'zod/mini';
import { LISTABLE_CATEGORY_IDS, SEARCHABLE_CATEGORIES } from './taxonomy';
import { categorySchema } from './category-schema';
import { checkEndpointUrl } from './url';

export const SETTINGS_VERSION = 1;

export const endpointSchema = z.object({
  url: z.string().check(
    z.maxLength(2048),
    z.refine((url) => checkEndpointUrl(url) === null, {
      message: 'must be an https URL (http only for 127.0.0.1/localhost), without user:password',
    }),
  ),
  token: z.optional(z.string().check(z.maxLength(4096))),
});

/** A Time-Stamp Authority (RFC 3161) is asked over https, or http to this machine, like the endpoint. */
export const timestampUrlSchema = z.string().check(
  z.maxLength(2048),
  z.refine((url) => checkEndpointUrl(url) === null, {
    message: 'must be an https URL (http only for 127.0.0.1/localhost), without user:password',
  }),
);

export const customPhraseSchema = z.object({
  phrase: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  category: z.enum(LISTABLE_CATEGORY_IDS),
  strength: z._default(z.enum(['strong', 'weak']), 'strong'),
  regex: z._default(z.boolean(), false),
});

export const subscriptionSchema = z.object({
  url: z.url().check(z.maxLength(2048)),
  enabled: z._default(z.boolean(), true),
});

export const officialSiteSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  country: z.string().check(z.minLength(2), z.maxLength(60)),
  url: z.url().check(z.maxLength(2048)),
  categories: z._default(z.array(categorySchema), []),
});

const siteList = () => z._default(z.array(z.string().check(z.maxLength(253))).check(z.maxLength(10_000)), []);

export const settingsSchema = z.object({
  version: z._default(z.int(), SETTINGS_VERSION),
  endpoint: z._default(z.nullable(endpointSchema), null),
  /** Where the worker asks for a trusted timestamp before a report's first send; off (null) by default (docs/PROTOCOL.md). */
  timestampUrl: z._default(z.nullable(timestampUrlSchema), null),
  highlight: z._default(
    z.object({
      enabled: z._default(z.boolean(), true),
      pausedSites: siteList(),
      stealth: z._default(z.boolean(), false),
      stealthSites: siteList(),
    }),
    { enabled: true, pausedSites: [], stealth: false, stealthSites: [] },
  ),
  categories: z._default(z.array(categorySchema), [...SEARCHABLE_CATEGORIES]),
  customPhrases: z._default(z.array(customPhraseSchema).check(z.maxLength(5000)), []),
  subscriptions: z._default(z.array(subscriptionSchema).check(z.maxLength(50)), []),
  privacy: z._default(
    z.object({
      anonymous: z._default(z.boolean(), true),
      contact: z._default(z.string().check(z.maxLength(500)), ''),
      snapshotByDefault: z._default(z.boolean(), false),
      /** `html`: the inert copy; `mhtml`: Chrome's MHTML, not inert, opt-in (docs/EVIDENCE.md). */
      snapshotFormat: z._default(z.enum(['html', 'mhtml']), 'html'),
      retentionDays: z._default(z.int().check(z.minimum(1), z.maximum(3650)), 90),
    }),
    { anonymous: true, contact: '', snapshotByDefault: false, snapshotFormat: 'html', retentionDays: 90 },
  ),
  officialSites: z.optional(z.array(officialSiteSchema).check(z.maxLength(100))),
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
 * and array items that fail are dropped one by one rather than emptying the list (docs/SETTINGS.md).
 */
export function repairSettings(raw: unknown): { settings: Settings; repaired: string[] } {
  const repaired: string[] = [];
  const value = repairValue(settingsSchema, raw, '', repaired);
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, repaired };
  return { settings: defaultSettings(), repaired: [...repaired, '(all)'] };
}

function repairValue(schema: z.ZodMiniType, raw: unknown, path: string, repaired: string[]): unknown {
  const direct = schema.safeParse(raw);
  if (direct.success) return direct.data;
  const inner = unwrap(schema);
  if (inner instanceof z.ZodMiniObject && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodMiniType>)) {
      const value = (raw as Record<string, unknown>)[key];
      const repairedField = repairValue(field, value, path ? `${path}.${key}` : key, repaired);
      if (repairedField !== undefined) out[key] = repairedField;
    }
    // A required field with no default (an endpoint's url) cannot be repaired: the whole object falls back.
    const whole = schema.safeParse(out);
    if (whole.success) return whole.data;
  }
  if (inner instanceof z.ZodMiniArray && Array.isArray(raw)) {
    const element = inner.def.element as z.ZodMiniType;
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

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current: z.ZodMiniType = schema;
  for (;;) {
    if (current instanceof z.ZodMiniDefault || current instanceof z.ZodMiniOptional || current instanceof z.ZodMiniNullable) {
      current = current.def.innerType as z.ZodMiniType;
    } else {
      return current;
    }
  }
}
