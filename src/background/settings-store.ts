import browser from 'webextension-polyfill';
import { effectiveSettings, localPart, type LockedSetting } from '../shared/managed-settings';
import { settingsSchema, type Settings } from '../shared/settings';
import { SETTINGS_KEY } from '../shared/protocol/storage-keys';
import { finishSecretsMigration, readSecrets, secretsMigrationDue, writeSecrets, type Secrets } from '../store/secret-store';

/** This worker's read of the policy, and its answer once the browser has given it. */
interface ManagedRead {
  read: Promise<unknown>;
  answer?: { value: unknown };
}
let managed: ManagedRead | undefined;

/**
 * Policy values, or nothing where there is no policy (Firefox throws then; Chromium answers {}).
 * Read once and kept: Chromium can take seconds to answer the first read after it starts (the UI does
 * not wait for that: background/ui-policy.ts).
 */
export function readManaged(): Promise<unknown> {
  if (!managed) {
    // Through a promise chain, so that a browser without managed storage at all also means "no policy".
    const current: ManagedRead = {
      read: Promise.resolve()
        .then(() => browser.storage.managed.get(null))
        .then(
          (value) => value as unknown,
          () => undefined,
        ),
    };
    void current.read.then((value) => (current.answer = { value }));
    managed = current;
  }
  return managed.read;
}

/** The policy, if the browser has answered this worker's current read of it. */
export function managedIfRead(): { value: unknown } | undefined {
  return managed?.answer;
}

/** The policy changed: the next read asks the browser again. */
export function forgetManaged(): void {
  managed = undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored settings without the secrets (`endpoint.token`, `privacy.contact`), whatever their shape. */
export function withoutSecrets(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const out = { ...raw };
  if (isObject(out.endpoint)) {
    const { token: _token, ...endpoint } = out.endpoint;
    out.endpoint = endpoint;
  }
  if (isObject(out.privacy)) {
    const { contact: _contact, ...privacy } = out.privacy;
    out.privacy = privacy;
  }
  return out;
}

/** The secrets the old stored settings held (before database v3). */
function secretsIn(raw: unknown): Secrets {
  const secrets: Secrets = {};
  if (!isObject(raw)) return secrets;
  if (isObject(raw.endpoint) && typeof raw.endpoint.token === 'string' && typeof raw.endpoint.url === 'string') {
    secrets.endpointToken = raw.endpoint.token;
    secrets.endpointUrl = raw.endpoint.url;
  }
  if (isObject(raw.privacy) && typeof raw.privacy.contact === 'string') secrets.contact = raw.privacy.contact;
  return secrets;
}

/** The stored settings with the secrets put back where the schema has them. */
function withSecrets(raw: unknown, secrets: Secrets): unknown {
  if (!isObject(raw)) return secrets.contact ? { privacy: { contact: secrets.contact } } : raw;
  const out = { ...raw };
  if (isObject(out.endpoint) && secrets.endpointToken && out.endpoint.url === secrets.endpointUrl) out.endpoint = { ...out.endpoint, token: secrets.endpointToken };
  if (secrets.contact) out.privacy = { ...(isObject(out.privacy) ? out.privacy : {}), contact: secrets.contact };
  return out;
}

let migrating: Promise<void> | undefined;

/**
 * Once, after the database's v3 upgrade: the token and the contact move from storage.local to the
 * database (store/secret-store.ts) and leave storage.local. After that, a token or contact found in
 * storage.local is ignored: in Firefox a content process could have written it there.
 */
function migrateSecrets(): Promise<void> {
  migrating ??= (async () => {
    if (!(await secretsMigrationDue())) return;
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    await finishSecretsMigration(secretsIn(stored));
    if (stored !== undefined) await browser.storage.local.set({ [SETTINGS_KEY]: withoutSecrets(stored) });
  })().finally(() => {
    migrating = undefined;
  });
  return migrating;
}

async function storedSettings(): Promise<{ raw: unknown; secrets: Secrets }> {
  // A context with no IndexedDB at all (a unit test of another part) reads the settings without secrets.
  const hasDatabase = typeof indexedDB !== 'undefined';
  if (hasDatabase) await migrateSecrets();
  const [stored, secrets] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), hasDatabase ? readSecrets() : {}]);
  return { raw: stored[SETTINGS_KEY], secrets };
}

async function read(policy: Promise<unknown> = readManaged()) {
  const [{ raw, secrets }, managed] = await Promise.all([storedSettings(), policy]);
  const result = effectiveSettings(withSecrets(withoutSecrets(raw), secrets), managed);
  if (result.repaired.length > 0 && raw !== undefined) console.warn('tipline: repaired settings fields', result.repaired);
  if (result.ignored.length > 0) console.warn('tipline: ignored policy fields', result.ignored);
  return result;
}

/**
 * Effective settings: the reporter's, repaired field by field (docs/SETTINGS.md), with what the
 * organisation's policy sets on top (docs/DEPLOYMENT.md). Under the browser's own policy: everything
 * that acts on the settings (saving, delivery, lists) reads them here.
 */
export async function loadSettings(): Promise<Settings> {
  return (await read()).settings;
}

/** The effective settings and the fields locked, under `policy` (the live one unless told). */
export async function settingsUnder(policy?: Promise<unknown>): Promise<{ settings: Settings; locked: LockedSetting[] }> {
  const { settings, locked } = await read(policy);
  return { settings, locked };
}

/**
 * Stores the reporter's settings; fields the policy locks keep their previous local value. The token
 * and the contact go to the database, the rest to storage.local (docs/SETTINGS.md).
 */
export async function saveSettings(next: Settings): Promise<Settings> {
  const parsed = settingsSchema.parse(next);
  const { local, locked } = await read();
  const kept = localPart(parsed, local, locked);
  // The secrets first: a reader woken by the storage.local change finds them in place.
  await writeSecrets({ endpointToken: kept.endpoint?.token, endpointUrl: kept.endpoint?.url, contact: kept.privacy.contact });
  await browser.storage.local.set({ [SETTINGS_KEY]: withoutSecrets(kept) });
  return loadSettings();
}
