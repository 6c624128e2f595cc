import { database } from './database';

/*
 * The organisation's policy (storage.managed) as the worker last read it from the browser, kept so that
 * the extension's pages are answered at once after a browser start, when Chromium takes seconds to
 * answer the first read (background/ui-policy.ts). In the database's `secrets` store rather than
 * storage.local: a policy can carry the endpoint token (secret-store.ts says why).
 */

const POLICY_KEY = 'lastPolicy';

/** The policy's raw value as the browser gave it (undefined: no policy). */
export interface KeptPolicy {
  value: unknown;
}

export async function readKeptPolicy(): Promise<KeptPolicy | undefined> {
  const kept: unknown = await (await database()).get('secrets', POLICY_KEY);
  return typeof kept === 'object' && kept !== null && 'value' in kept ? { value: kept.value } : undefined;
}

export async function keepPolicy(value: unknown): Promise<void> {
  await (await database()).put('secrets', { value }, POLICY_KEY);
}
