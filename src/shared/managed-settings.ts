import { z } from 'zod/mini';
import { repairSettings, type Settings } from './settings';
import { categorySchema } from './category-schema';
import { checkEndpointUrl } from './url';

/*
 * Settings an organisation presets and locks by browser policy (`storage.managed`, described by
 * public/managed-schema.json; docs/DEPLOYMENT.md). Each field is validated on its own: a bad value in a
 * policy is ignored with a warning, the rest still applies, and nothing can crash on it.
 */
const makeManagedFields = () => ({
  endpointUrl: z.string().check(
    z.maxLength(2048),
    z.refine((url) => checkEndpointUrl(url) === null, { message: 'must be https (http only for loopback), without user:password' }),
  ),
  endpointToken: z.string().check(z.minLength(1), z.maxLength(4096)),
  /** A Time-Stamp Authority URL, or "" to keep timestamps off. */
  timestampUrl: z.string().check(
    z.maxLength(2048),
    z.refine((url) => url === '' || checkEndpointUrl(url) === null, { message: 'must be https (http only for loopback), without user:password, or empty' }),
  ),
  subscriptions: z.array(z.url().check(z.maxLength(2048))).check(z.maxLength(50)),
  categories: z.array(categorySchema),
  highlightEnabled: z.boolean(),
  retentionDays: z.int().check(z.minimum(1), z.maximum(3650)),
});
type ManagedFields = ReturnType<typeof makeManagedFields>;
let managedFields: ManagedFields | undefined;

export type ManagedField = keyof ManagedFields;
export type Managed = { [K in ManagedField]?: z.infer<ManagedFields[K]> };

/** Settings paths the options page shows as set by the organisation. */
export type LockedSetting = 'endpoint' | 'timestampUrl' | 'subscriptions' | 'categories' | 'highlight.enabled' | 'privacy.retentionDays';

/** The valid part of a policy as one string: what tells one policy from another. */
export function policyJson(raw: unknown): string {
  return JSON.stringify(parseManaged(raw).managed);
}

export function parseManaged(raw: unknown): { managed: Managed; ignored: string[] } {
  const managed: Record<string, unknown> = {};
  const ignored: string[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { managed: {}, ignored: raw === undefined || raw === null ? [] : ['(all)'] };
  for (const [key, value] of Object.entries(raw)) {
    // Built on the first policy value: most browsers have none.
    const schema = ((managedFields ??= makeManagedFields()) as Record<string, z.ZodMiniType>)[key];
    const parsed = schema?.safeParse(value);
    if (parsed?.success) managed[key] = parsed.data;
    else ignored.push(key);
  }
  return { managed: managed as Managed, ignored };
}

/** Managed values win over the reporter's, field by field. */
export function applyManaged(local: Settings, managed: Managed): { settings: Settings; locked: LockedSetting[] } {
  const settings: Settings = structuredClone(local);
  const locked: LockedSetting[] = [];
  // A policy's token goes only to the policy's own endpoint: with its URL missing or refused, it would
  // otherwise be sent to whatever endpoint the reporter (or an imported file) had set.
  if (managed.endpointUrl !== undefined) {
    const url = managed.endpointUrl;
    const token = managed.endpointToken ?? (local.endpoint?.url === url ? local.endpoint.token : undefined);
    settings.endpoint = token ? { url, token } : { url };
    locked.push('endpoint');
  }
  if (managed.timestampUrl !== undefined) {
    settings.timestampUrl = managed.timestampUrl || null;
    locked.push('timestampUrl');
  }
  if (managed.subscriptions) {
    settings.subscriptions = managed.subscriptions.map((url) => ({ url, enabled: true }));
    locked.push('subscriptions');
  }
  if (managed.categories) {
    settings.categories = managed.categories.filter((c) => c !== 'child-sexual-abuse' && c !== 'other');
    locked.push('categories');
  }
  if (managed.highlightEnabled !== undefined) {
    settings.highlight.enabled = managed.highlightEnabled;
    locked.push('highlight.enabled');
  }
  if (managed.retentionDays !== undefined) {
    settings.privacy.retentionDays = managed.retentionDays;
    locked.push('privacy.retentionDays');
  }
  return { settings, locked };
}

/** What is stored locally when the reporter saves: locked fields keep their own (local) value. */
export function localPart(next: Settings, previousLocal: Settings, locked: readonly LockedSetting[]): Settings {
  const out: Settings = structuredClone(next);
  for (const path of locked) {
    if (path === 'endpoint') out.endpoint = previousLocal.endpoint;
    else if (path === 'timestampUrl') out.timestampUrl = previousLocal.timestampUrl;
    else if (path === 'subscriptions') out.subscriptions = previousLocal.subscriptions;
    else if (path === 'categories') out.categories = previousLocal.categories;
    else if (path === 'highlight.enabled') out.highlight = { ...out.highlight, enabled: previousLocal.highlight.enabled };
    else out.privacy = { ...out.privacy, retentionDays: previousLocal.privacy.retentionDays };
  }
  return out;
}

/** Effective settings from the raw stored values of both areas, as the background and the content script read them. */
export function effectiveSettings(localRaw: unknown, managedRaw: unknown): { settings: Settings; local: Settings; locked: LockedSetting[]; repaired: string[]; ignored: string[] } {
  const { settings: local, repaired } = repairSettings(localRaw);
  const { managed, ignored } = parseManaged(managedRaw);
  const { settings, locked } = applyManaged(local, managed);
  return { settings, local, locked, repaired, ignored };
}
