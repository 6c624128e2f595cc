import { createHash } from 'node:crypto';
import { reportSchema, type Report } from '../src/shared/report';

export const PART_FILES = {
  screenshot: { 'image/png': 'screenshot.png' },
  snapshot: { 'text/html': 'snapshot.html', 'multipart/related': 'snapshot.mhtml' },
} as const;

export interface Submission {
  report: Report;
  reportJson: Buffer;
  parts: { name: 'screenshot' | 'snapshot'; file: string; bytes: Buffer }[];
  /** The trusted timestamp (a DER TimeStampResp over the hash list), the one part report.json does not declare. */
  timestamp?: Buffer;
}

/** Where a submission's timestamp is stored; a TimeStampResp with its certificates is a few kilobytes. */
export const TIMESTAMP_FILE = 'timestamp.tsr';
export const MAX_TIMESTAMP_BYTES = 64 * 1024;

export class BadSubmission extends Error {}

/** Objects and arrays may nest this deep in `report.json`; the schema needs 4. */
export const MAX_JSON_DEPTH = 64;
/** `report.json` may be this long; the schema's own limits keep a real report far below it. */
export const DEFAULT_MAX_REPORT_BYTES = 2 * 1024 * 1024;

/**
 * The deepest nesting of objects and arrays in a JSON text, read byte by byte without recursion and
 * without parsing, stopping as soon as it passes `limit`: a document nested 100,000 deep costs one pass.
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++; // a backslash: the next byte is escaped
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
  return false;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `report.${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses and checks a protocol v1 multipart body: schema, declared evidence against the parts, sizes and hashes. */
export async function parseSubmission(body: Buffer, contentType: string, maxParts: number, maxReportBytes = DEFAULT_MAX_REPORT_BYTES): Promise<Submission> {
  if (!/^multipart\/form-data;/i.test(contentType)) throw new BadSubmission('Content-Type must be multipart/form-data');
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new BadSubmission('the multipart body could not be parsed');
  }
  const entries = [...form.entries()];
  if (entries.length > maxParts) throw new BadSubmission(`too many parts (at most ${maxParts})`);
  const names = entries.map(([name]) => name);
  if (new Set(names).size !== names.length) throw new BadSubmission('a part appears more than once');
  const unknown = names.filter((name) => !['report', 'screenshot', 'snapshot', 'timestamp'].includes(name));
  if (unknown.length) throw new BadSubmission(`unknown part: ${unknown[0]!.slice(0, 40)}`);

  const reportPart = form.get('report');
  if (reportPart === null) throw new BadSubmission('the "report" part is missing');
  const reportJson = typeof reportPart === 'string' ? Buffer.from(reportPart, 'utf8') : Buffer.from(await reportPart.arrayBuffer());
  // Checked on the raw bytes before JSON.parse; the bytes are stored exactly as received.
  if (reportJson.length > maxReportBytes) throw new BadSubmission(`the "report" part is larger than ${maxReportBytes} bytes`);
  if (jsonDepthExceeds(reportJson, MAX_JSON_DEPTH)) throw new BadSubmission(`the "report" part nests deeper than ${MAX_JSON_DEPTH} levels`);
  let raw: unknown;
  try {
    raw = JSON.parse(reportJson.toString('utf8'));
  } catch {
    throw new BadSubmission('the "report" part is not valid JSON');
  }
  // Fields the schema does not know are ignored here (and stay in the stored bytes), never refused.
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) throw new BadSubmission(describeIssues(parsed.error));
  const report = parsed.data;

  const parts: Submission['parts'] = [];
  for (const name of ['screenshot', 'snapshot'] as const) {
    const value = form.get(name);
    const declared = report.evidence.find((evidence) => evidence.part === name);
    if (value === null) {
      if (declared) throw new BadSubmission(`report.evidence declares a ${name} but no such part was sent`);
      continue;
    }
    if (!declared) throw new BadSubmission(`the ${name} part is not declared in report.evidence`);
    if (typeof value === 'string') throw new BadSubmission(`the ${name} part must be a file`);
    const bytes = Buffer.from(await value.arrayBuffer());
    const files = PART_FILES[name] as Record<string, string>;
    const file = files[declared.mediaType];
    if (!file) throw new BadSubmission(`${name} must be one of ${Object.keys(files).join(', ')}`);
    if (bytes.length !== declared.bytes) throw new BadSubmission(`${name}: ${bytes.length} bytes received, ${declared.bytes} declared`);
    if (createHash('sha256').update(bytes).digest('hex') !== declared.sha256) throw new BadSubmission(`${name}: SHA-256 does not match report.evidence`);
    if (name === 'screenshot' && !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new BadSubmission('screenshot is labelled image/png but is not a PNG');
    parts.push({ name, file, bytes });
  }
  // Made after report.json (docs/PROTOCOL.md, "Trusted timestamp"), so undeclared, on any category.
  const stamp = form.get('timestamp');
  if (stamp === null) return { report, reportJson, parts };
  if (typeof stamp === 'string') throw new BadSubmission('the timestamp part must be a file');
  if (stamp.size > MAX_TIMESTAMP_BYTES) throw new BadSubmission(`the timestamp part is larger than ${MAX_TIMESTAMP_BYTES} bytes`);
  const timestamp = Buffer.from(await stamp.arrayBuffer());
  // A DER SEQUENCE at least; whether it stamps what arrived is the verifier's check (openssl ts -verify).
  if (timestamp[0] !== 0x30) throw new BadSubmission('the timestamp part is not a DER TimeStampResp');
  return { report, reportJson, parts, timestamp };
}
