import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildEvidencePackage } from '../../../src/shared/evidence-package';
import { REPORT_SCHEMA_ID, type Report } from '../../../src/shared/report';

const labels = {
  title: 'Tipline evidence',
  rows: { url: 'URL', pageTitle: 'Title', capturedUtc: 'UTC', capturedLocal: 'Local', category: 'Category', listing: 'Listing', note: 'Note', receipt: 'Receipt', client: 'Client', files: 'Files' },
};

function report(): Report {
  return {
    schema: REPORT_SCHEMA_ID,
    id: crypto.randomUUID(),
    createdAt: '2026-11-24T03:00:00.000Z',
    category: 'identity-documents',
    page: { url: 'javascript:alert(1)', title: '<script>alert(1)</script>', capturedAt: '2026-11-24T03:00:00.000Z' },
    listing: { text: '<img src=x onerror=alert(1)> fake passports' },
    matches: [],
    note: 'n',
    reporter: null,
    evidence: [],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
  };
}

describe('evidence package', () => {
  it('holds report, parts, summary and SHA256SUMS that sha256sum -c verifies', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const zip = await buildEvidencePackage(report(), [{ name: 'screenshot', mediaType: 'image/png', bytes: png }], {
      receipt: 'R-1',
      labels,
      categoryLabel: 'ID documents',
      localTime: 'local',
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['SHA256SUMS', 'report.json', 'screenshot.png', 'summary.html']);
    const dir = mkdtempSync(join(tmpdir(), 'tipline-zip-'));
    try {
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
      const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString();
      expect(out).toContain('report.json: OK');
      expect(out).toContain('screenshot.png: OK');
      writeFileSync(join(dir, 'screenshot.png'), new Uint8Array([0]));
      expect(() => execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes page text into summary.html as text, never markup or script links', async () => {
    const files = unzipSync(await buildEvidencePackage(report(), [], { labels, categoryLabel: 'ID', localTime: 'x' }));
    const html = strFromU8(files['summary.html']!);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('the exact bytes', () => {
  it('holds report.json exactly as the report is sent, so its hash is the one the endpoint stored', async () => {
    const { buildRequestBody } = await import('../../../src/background/send-report');
    const sent = report();
    const record = { id: sent.id, createdAt: sent.createdAt, report: sent, status: 'queued' as const, attempts: 0, partIds: [], site: 'x' };
    const body = buildRequestBody(record, []);
    const sentBytes = new Uint8Array(await (body.get('report') as Blob).arrayBuffer());
    const zip = await buildEvidencePackage(sent, [], { labels, categoryLabel: 'ID documents', localTime: 'local' });
    expect(unzipSync(zip)['report.json']).toEqual(sentBytes);
  });
});
