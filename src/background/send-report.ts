import { classifyResponse, type DeliveryOutcome } from '../shared/classify-response';
import type { Endpoint } from '../shared/settings';
import { reportJson } from '../shared/report';
import type { PartRecord, ReportRecord } from '../store/records';
import { readBodyPrefix } from './read-body';
import { timestampReply } from './stamp-report';

export const SEND_TIMEOUT_MS = 60_000;
const MAX_BODY_TEXT = 64 * 1024;

const PART_FILE_NAMES: Record<string, string> = {
  'image/png': 'screenshot.png',
  'text/html': 'snapshot.html',
  'multipart/related': 'snapshot.mhtml',
};

/** Protocol v1: one multipart POST; the report id doubles as the idempotency key. */
export function buildRequestBody(record: ReportRecord, parts: readonly PartRecord[]): FormData {
  const form = new FormData();
  form.append('report', new Blob([reportJson(record.report)], { type: 'application/json' }), 'report.json');
  for (const part of parts) {
    form.append(part.name, new Blob([part.blob], { type: part.mediaType }), PART_FILE_NAMES[part.mediaType] ?? part.name);
  }
  // The one part report.json does not declare: it is made after it (docs/PROTOCOL.md, "Trusted timestamp").
  const timestamp = timestampReply(record);
  if (timestamp) form.append('timestamp', new Blob([timestamp as Uint8Array<ArrayBuffer>], { type: 'application/timestamp-reply' }), 'timestamp.tsr');
  return form;
}

export async function sendReport(
  record: ReportRecord,
  parts: readonly PartRecord[],
  endpoint: Endpoint,
  fetchImpl: typeof fetch = fetch,
): Promise<DeliveryOutcome> {
  const headers: Record<string, string> = { 'Idempotency-Key': record.id, Accept: 'application/json' };
  if (endpoint.token) headers.Authorization = `Bearer ${endpoint.token}`;
  let response: Response;
  try {
    response = await fetchImpl(endpoint.url, {
      method: 'POST',
      headers,
      body: buildRequestBody(record, parts),
      // A hanging endpoint must not hold the report forever.
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { kind: 'retry', reason: name === 'TimeoutError' ? 'timeout' : 'network error' };
  }
  let body = '';
  try {
    body = (await readBodyPrefix(response, MAX_BODY_TEXT)).text;
  } catch {
    return { kind: 'retry', reason: 'response cut off' };
  }
  return classifyResponse(response.status, body, response.headers.get('Retry-After'));
}
