import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { BackgroundClient } from '../shared/protocol/ui-client';

/** Every section saves through here: the worker answers with the settings as stored (a policy may hold some fields). */
export async function saveSettings(client: BackgroundClient, next: Settings): Promise<{ ok: true; settings: Settings } | { ok: false; error: string }> {
  try {
    return { ok: true, settings: await client.call({ type: 'settings/save', settings: next }) };
  } catch (error) {
    return { ok: false, error: t('error_save', [error instanceof Error ? error.message : String(error)]) };
  }
}
