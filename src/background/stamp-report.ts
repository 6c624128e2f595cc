import { base64ToBytes, bytesToBase64 } from '../shared/base64';
import { sha256Hex } from '../shared/hash';
import { reportHashList } from '../shared/hash-list';
import type { TimestampState } from '../shared/protocol/ui-replies';
import type { ReportRecord } from '../store/records';
import { readBytesPrefix } from './read-body';
import { newNonce, readTimeStampReply, timeStampRequest } from './rfc3161';

/** A TSA that is down or slow holds a report back this long at most; then it goes without a timestamp. */
export const TSA_TIMEOUT_MS = 5_000;
/** A TimeStampResp with its certificates is a few kilobytes; an answer past this is not one. */
const MAX_REPLY_BYTES = 64 * 1024;

type NoTimestamp = Extract<TimestampState, { state: 'none' }>;

export interface TsaOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

function none(tsaUrl: string, problem: NoTimestamp['problem'], detail: string): NoTimestamp {
  return { state: 'none', tsaUrl, problem, detail: detail.slice(0, 300) };
}

/**
 * Asks a Time-Stamp Authority to stamp the SHA-256 of the report's hash list — the only thing it is
 * sent (docs/PRIVACY.md) — and checks the reply answers that request (background/rfc3161.ts).
 * Never throws: whatever goes wrong is a `none` with the reason.
 */
export async function requestTimestamp(record: ReportRecord, tsaUrl: string, { fetchImpl = fetch, timeoutMs = TSA_TIMEOUT_MS }: TsaOptions = {}): Promise<TimestampState> {
  const hashList = new TextEncoder().encode(await reportHashList(record.report));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', hashList));
  const nonce = newNonce();
  let reply: Uint8Array;
  try {
    const response = await fetchImpl(tsaUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: timeStampRequest(digest, nonce) as Uint8Array<ArrayBuffer>,
      // The whole exchange, body included: a TSA that hangs mid-answer is cut off too.
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) return none(tsaUrl, 'refused', `HTTP ${response.status}`);
    if (!response.body) return none(tsaUrl, 'refused', 'empty answer');
    const read = await readBytesPrefix(response.body, MAX_REPLY_BYTES);
    if (!read.complete) return none(tsaUrl, 'refused', `answer larger than ${MAX_REPLY_BYTES} bytes`);
    reply = read.bytes;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return none(tsaUrl, 'unreachable', name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : 'network error');
  }
  try {
    const reading = await readTimeStampReply(reply, { stamped: hashList, nonce });
    if (!reading.ok) return none(tsaUrl, 'refused', reading.detail);
    const hashListSha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    return { state: 'stamped', tsaUrl, genTime: reading.genTime, hashListSha256, reply: bytesToBase64(reply) };
  } catch (error) {
    return none(tsaUrl, 'refused', error instanceof Error ? error.message : String(error));
  }
}

/**
 * The timestamp a report is sent with. A pending one is decided now, before the first send: asked
 * for when a TSA is set, `off` otherwise. Once decided it stays, so retries send identical bytes —
 * unless evidence was taken out of the report since (queue.ts), when the stamp no longer covers it.
 */
export async function settleTimestamp(record: ReportRecord, tsaUrl: string | null, options: TsaOptions = {}): Promise<TimestampState | undefined> {
  const current = record.timestamp;
  if (current?.state === 'pending') return tsaUrl ? requestTimestamp(record, tsaUrl, options) : { state: 'off' };
  if (current?.state === 'stamped' && current.hashListSha256 !== (await sha256Hex(await reportHashList(record.report)))) {
    return none(current.tsaUrl, 'evidence-changed', 'evidence was taken out of the report after it was stamped');
  }
  return current;
}

/** The DER TimeStampResp to send as the `timestamp` part, if the report has one. */
export function timestampReply(record: Pick<ReportRecord, 'timestamp'>): Uint8Array | null {
  return record.timestamp?.state === 'stamped' ? base64ToBytes(record.timestamp.reply) : null;
}
