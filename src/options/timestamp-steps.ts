import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import { checkEndpointUrl } from '../shared/url';
import type { StatusMessage } from './status-message';

/** Why a typed Time-Stamp Authority URL cannot be used, in the reporter's language, or null (empty turns timestamps off). */
export function timestampUrlProblem(url: string): string | null {
  if (!url.trim()) return null;
  const problem = checkEndpointUrl(url.trim());
  if (!problem) return null;
  return t(problem === 'credentials' ? 'timestampProblem_credentials' : `endpointProblem_${problem}`);
}

/** Saves the Time-Stamp Authority URL, or turns timestamps off when it is empty; a URL that cannot be used changes nothing. */
export async function saveTimestampUrl(input: { settings: Settings; url: string; onSave: (next: Settings) => Promise<void> }): Promise<StatusMessage> {
  const problem = timestampUrlProblem(input.url);
  if (problem) return { text: problem, error: true };
  const url = input.url.trim();
  await input.onSave({ ...input.settings, timestampUrl: url || null });
  return { text: url ? t('timestampSaved') : t('timestampCleared'), error: false };
}
