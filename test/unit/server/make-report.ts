import { createHash } from 'node:crypto';
import { REPORT_SCHEMA_ID, type Report } from '../../../src/shared/report';

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]);

export function makeReport(change: Partial<Report> = {}, screenshot: Buffer | null = PNG): Report {
  const createdAt = new Date().toISOString();
  return {
    schema: REPORT_SCHEMA_ID,
    id: crypto.randomUUID(),
    createdAt,
    category: 'firearms-explosives',
    page: { url: 'https://forum.example/t/1', title: 'Air guns', capturedAt: createdAt },
    matches: [{ phrase: '气狗', category: 'firearms-explosives', count: 1 }],
    note: 'note',
    reporter: null,
    evidence: screenshot ? [{ part: 'screenshot', mediaType: 'image/png', bytes: screenshot.length, sha256: createHash('sha256').update(screenshot).digest('hex') }] : [],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    ...change,
  };
}

export function formOf(report: unknown, screenshot: Buffer | null = PNG, extra: [string, Blob][] = []): FormData {
  const form = new FormData();
  form.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }), 'report.json');
  if (screenshot) form.append('screenshot', new Blob([new Uint8Array(screenshot)], { type: 'image/png' }), 'screenshot.png');
  for (const [name, blob] of extra) form.append(name, blob, name);
  return form;
}
