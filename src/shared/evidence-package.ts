// First, before any module makes a schema: the popup loads this module lazily, with zod (src/shared/zod-jitless.ts).
import './zod-jitless';
import { strToU8, zipSync } from 'fflate';
import { reportJson, type Report } from './report';
import { sha256Hex } from './hash';
import { escapeHtml, safeHref } from './escape-html';
import { receiptMessage, type SignedReceipt } from './signed-receipt';
import { hashListText, PART_FILES } from './hash-list';

export interface PackagePart {
  name: 'screenshot' | 'snapshot';
  mediaType: string;
  bytes: Uint8Array;
}

export { PART_FILES };

/** The trusted timestamp's file in a package: the TSA's DER TimeStampResp over SHA256SUMS (docs/PROTOCOL.md). */
export const TIMESTAMP_FILE = 'timestamp.tsr';

export interface SummaryLabels {
  title: string;
  rows: Record<'url' | 'pageTitle' | 'capturedUtc' | 'capturedLocal' | 'category' | 'listing' | 'note' | 'receipt' | 'client' | 'files', string>;
}

export interface PackageOptions {
  receipt?: string;
  signedReceipt?: SignedReceipt;
  /** The trusted timestamp (docs/PROTOCOL.md): the TSA's DER reply over the package's SHA256SUMS. */
  timestamp?: Uint8Array;
  labels: SummaryLabels;
  categoryLabel: string;
  localTime: string;
}

/**
 * The evidence package (issue "Report this listing" §6): report.json, every part, SHA256SUMS that
 * `sha256sum -c` verifies, and summary.html for a person. For tip sites that take uploads, not an API.
 * With the endpoint's signed receipt, also receipt.json (docs/EVIDENCE.md): like summary.html it is
 * not in SHA256SUMS, which lists what was sent; its signature is what vouches for it.
 */
export async function buildEvidencePackage(report: Report, parts: readonly PackagePart[], options: PackageOptions): Promise<Uint8Array> {
  // The exact bytes that were sent (report.ts `reportJson`), so that their hash is the endpoint's.
  const files: Record<string, Uint8Array> = { 'report.json': strToU8(reportJson(report)) };
  for (const part of parts) files[PART_FILES[part.mediaType] ?? part.name] = part.bytes;
  const hashed = [];
  for (const [name, bytes] of Object.entries(files)) hashed.push({ name, sha256: await sha256Hex(bytes) });
  // Sorted as the worker sorted it when it asked for the timestamp, so the token stamps this very text.
  const sumsText = hashListText(hashed);
  const sums = sumsText.trimEnd().split('\n');
  files['summary.html'] = strToU8(summaryHtml(report, sums, options));
  if (options.signedReceipt) files['receipt.json'] = strToU8(receiptFile(options.receipt, options.signedReceipt));
  files.SHA256SUMS = strToU8(sumsText);
  // Made after the hash list it stamps, so it is not in it (`openssl ts -verify -data SHA256SUMS`).
  if (options.timestamp) files[TIMESTAMP_FILE] = options.timestamp;
  return zipSync(files, { level: 6 });
}

/** The signed fields, the exact message they make, the signature and where the key is published. */
function receiptFile(receipt: string | undefined, signed: SignedReceipt): string {
  const { format, algorithm, id, reportSha256, receivedAt, signature, keyId, keyUrl } = signed;
  const file = { receipt, format, algorithm, id, reportSha256, receivedAt, message: receiptMessage(signed), signature, keyId, keyUrl };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function summaryHtml(report: Report, sums: string[], options: PackageOptions): string {
  const { rows } = options.labels;
  const link = safeHref(report.page.url);
  const cells: [string, string][] = [
    [rows.url, link ? `<a href="${escapeHtml(link)}" rel="noreferrer">${escapeHtml(report.page.url)}</a>` : escapeHtml(report.page.url)],
    [rows.pageTitle, escapeHtml(report.page.title)],
    [rows.capturedUtc, escapeHtml(report.page.capturedAt)],
    [rows.capturedLocal, escapeHtml(options.localTime)],
    [rows.category, `${escapeHtml(options.categoryLabel)} (<code>${escapeHtml(report.category)}</code>)`],
    [rows.listing, escapeHtml(report.listing?.text ?? report.listing?.selection ?? '')],
    [rows.note, escapeHtml(report.note)],
    [rows.receipt, escapeHtml(options.receipt ?? '')],
    [rows.client, escapeHtml(`${report.client.name} ${report.client.version} — ${report.client.browser}`)],
    [rows.files, `<pre>${escapeHtml(sums.join('\n'))}</pre>`],
  ];
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(options.labels.title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;max-width:900px;margin:24px auto}th{text-align:left;vertical-align:top;padding-right:16px}td{overflow-wrap:anywhere;white-space:pre-wrap}</style>
</head><body><h1>${escapeHtml(options.labels.title)}</h1><table>
${cells.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`).join('\n')}
</table></body></html>
`;
}
