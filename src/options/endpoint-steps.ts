import { t } from '../shared/i18n';
import type { Endpoint, Settings } from '../shared/settings';
import { checkEndpointUrl } from '../shared/url';
import type { BackgroundClient } from '../shared/protocol/ui-client';
import type { StatusMessage } from './status-message';

/** The endpoint as typed: trimmed, the token left out when empty. */
export function endpointOf(url: string, token: string): Endpoint {
  return { url: url.trim(), ...(token.trim() ? { token: token.trim() } : {}) };
}

/** Why a typed endpoint URL cannot be used, in the reporter's language, or null (an empty one clears the endpoint). */
export function endpointUrlProblem(url: string): string | null {
  if (!url.trim()) return null;
  const problem = checkEndpointUrl(url.trim());
  return problem ? t(`endpointProblem_${problem}`) : null;
}

/** Saves the endpoint, or clears it when the URL is empty; a URL that cannot be used changes nothing. */
export async function saveEndpoint(input: { settings: Settings; url: string; token: string; onSave: (next: Settings) => Promise<void> }): Promise<StatusMessage> {
  const problem = endpointUrlProblem(input.url);
  if (problem) return { text: problem, error: true };
  const set = input.url.trim() !== '';
  await input.onSave({ ...input.settings, endpoint: set ? endpointOf(input.url, input.token) : null });
  return { text: set ? t('endpointSaved') : t('endpointCleared'), error: false };
}

/** What saving said about the browser's access to the endpoint's host (docs/SECURITY.md, "Site access"). */
export function accessMessage(state: 'asking' | 'granted' | 'refused', host: string): StatusMessage {
  if (state === 'asking') return { text: t('endpointAccessAsking', host), error: false };
  if (state === 'granted') return { text: t('endpointAccessGranted', host), error: false };
  return { text: t('endpointAccessRefused', host), error: true };
}

/** "Test connection": says it is testing, then what the endpoint answered (docs/PROTOCOL.md). */
export async function testEndpoint(client: BackgroundClient, input: { url: string; token: string }, show: (message: StatusMessage) => void): Promise<void> {
  const problem = endpointUrlProblem(input.url) ?? (input.url.trim() ? null : t('endpointProblem_invalid'));
  if (problem) return show({ text: problem, error: true });
  show({ text: t('endpointTesting'), error: false });
  try {
    const result = await client.call({ type: 'endpoint/test', endpoint: endpointOf(input.url, input.token) });
    show(result.ok ? { text: t('endpointOk'), error: false } : { text: t(`endpointCheck_${result.problem.replace('-', '_')}`, [result.detail]), error: true });
  } catch (error) {
    show({ text: String(error), error: true });
  }
}
