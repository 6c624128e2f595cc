import { database, SECRETS_MIGRATION_DUE } from './database';

/*
 * The endpoint token and the reporter's contact live in the extension's IndexedDB, not in storage.local:
 * in Firefox a content process can read storage.local (no `setAccessLevel` there), and IndexedDB of the
 * extension's origin is out of its reach. The settings the rest of the extension sees still carry them
 * (`endpoint.token`, `privacy.contact`): background/settings-store.ts joins them on read and splits them
 * on write.
 */

export interface Secrets {
  /** Sent as `Authorization: Bearer` to `endpointUrl` only. */
  endpointToken?: string;
  /** The endpoint URL the token belongs to. */
  endpointUrl?: string;
  contact?: string;
}

const SECRETS_KEY = 'secrets';

function isSecrets(value: unknown): value is Secrets {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['endpointToken', 'endpointUrl', 'contact'].every((key) => record[key] === undefined || typeof record[key] === 'string');
}

export async function readSecrets(): Promise<Secrets> {
  const value = await (await database()).get('secrets', SECRETS_KEY);
  return isSecrets(value) ? value : {};
}

export async function writeSecrets(secrets: Secrets): Promise<void> {
  const clean: Secrets = {};
  if (secrets.endpointToken && secrets.endpointUrl) {
    clean.endpointToken = secrets.endpointToken;
    clean.endpointUrl = secrets.endpointUrl;
  }
  if (secrets.contact) clean.contact = secrets.contact;
  await (await database()).put('secrets', clean, SECRETS_KEY);
}

/** Whether the move out of storage.local (database.ts, v3) is still to be made. */
export async function secretsMigrationDue(): Promise<boolean> {
  return (await (await database()).get('secrets', SECRETS_MIGRATION_DUE)) === true;
}

/** Stores what the old settings held and marks the move as made, in one transaction. */
export async function finishSecretsMigration(secrets: Secrets): Promise<void> {
  const db = await database();
  const tx = db.transaction('secrets', 'readwrite');
  const current = await tx.store.get(SECRETS_KEY);
  // A secret already stored (saved since the upgrade) wins over the old field.
  const merged = { ...secrets, ...(isSecrets(current) ? current : {}) };
  await tx.store.put(merged, SECRETS_KEY);
  await tx.store.delete(SECRETS_MIGRATION_DUE);
  await tx.done;
}

/** Deletes the secrets; returns how many there were. */
export async function clearSecrets(): Promise<number> {
  const secrets = await readSecrets();
  await (await database()).clear('secrets');
  return (secrets.endpointToken ? 1 : 0) + (secrets.contact ? 1 : 0);
}
