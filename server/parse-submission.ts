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
}

export class BadSubmission extends Error {}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `report.${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses and checks a protocol v1 multipart body: schema, declared evidence against the parts, sizes and hashes. */
export async function parseSubmission(body: Buffer, contentType: string, maxParts: number): Promise<Submission> {
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
  const unknown = names.filter((name) => !['report', 'screenshot', 'snapshot'].includes(name));
  if (unknown.length) throw new BadSubmission(`unknown part: ${unknown[0]!.slice(0, 40)}`);

  const reportPart = form.get('report');
  if (reportPart === null) throw new BadSubmission('the "report" part is missing');
  const reportJson = typeof reportPart === 'string' ? Buffer.from(reportPart, 'utf8') : Buffer.from(await reportPart.arrayBuffer());
  let raw: unknown;
  try {
    raw = JSON.parse(reportJson.toString('utf8'));
  } catch {
    throw new BadSubmission('the "report" part is not valid JSON');
  }
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
  return { report, reportJson, parts };
}
