import { z } from 'zod/mini';
import { REPORT_SCHEMA_ID } from '../shared/report';
import type { Endpoint } from '../shared/settings';
import { isRedirect, readLimited } from './read-body';
import type { EndpointCheck } from '../shared/protocol/ui-replies';

const protocolAnswer = z.lazy(() => z.object({ protocol: z.string() }));
const MAX_ANSWER_BYTES = 64 * 1024;

/** "Test connection": a GET of the endpoint answers `{"protocol":"tipline.report/v1"}` (PROTOCOL.md). */
export async function checkEndpoint(endpoint: Endpoint, fetchImpl: typeof fetch = fetch): Promise<EndpointCheck> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (endpoint.token) headers.Authorization = `Bearer ${endpoint.token}`;
  let response: Response;
  try {
    // Not followed, as for reports (send-report.ts): the address that is tested is the one reports go to.
    response = await fetchImpl(endpoint.url, { headers, signal: AbortSignal.timeout(10_000), credentials: 'omit', cache: 'no-store', redirect: 'manual' });
  } catch (error) {
    return { ok: false, problem: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (isRedirect(response)) return { ok: false, problem: 'http-error', detail: 'redirect, not followed: enter the address it leads to' };
  if (response.status === 401 || response.status === 403) return { ok: false, problem: 'unauthorized', detail: `HTTP ${response.status}` };
  if (!response.ok) return { ok: false, problem: 'http-error', detail: `HTTP ${response.status}` };
  try {
    // The answer is a few bytes: a bigger body is not one, and is not downloaded.
    const body = await readLimited(response, MAX_ANSWER_BYTES);
    if (body === null) return { ok: false, problem: 'wrong-protocol', detail: 'the answer is too big to be a protocol id' };
    const answer = protocolAnswer.parse(JSON.parse(body));
    if (answer.protocol === REPORT_SCHEMA_ID) return { ok: true };
    return { ok: false, problem: 'wrong-protocol', detail: answer.protocol.slice(0, 100) };
  } catch {
    return { ok: false, problem: 'wrong-protocol', detail: 'no protocol id in the answer' };
  }
}
