import { sha256Hex } from '../shared/hash';
import { reportJson, type Report } from '../shared/report';
import type { SignedReceipt } from '../shared/signed-receipt';

/**
 * The endpoint's signed receipt as the report keeps it, or undefined when there is none or it does not
 * speak of the report that was sent: its id and its hash of report.json must be this report's and
 * the bytes sent (shared/report.ts `reportJson`), or it proves nothing about this report. Its key's
 * address is made absolute against the endpoint, http(s) only and without credentials
 * (docs/PROTOCOL.md, Signed receipts).
 */
export async function signedReceiptToKeep(signed: SignedReceipt | undefined, sent: Report, endpointUrl: string): Promise<SignedReceipt | undefined> {
  if (!signed || signed.id !== sent.id) return undefined;
  if (signed.reportSha256 !== (await sha256Hex(reportJson(sent)))) return undefined;
  let keyUrl: URL;
  try {
    keyUrl = new URL(signed.keyUrl, endpointUrl);
  } catch {
    return undefined;
  }
  if (keyUrl.protocol !== 'https:' && keyUrl.protocol !== 'http:') return undefined;
  keyUrl.username = '';
  keyUrl.password = '';
  return { ...signed, keyUrl: keyUrl.href };
}
