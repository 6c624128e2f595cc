import { describe, expect, it } from 'vitest';
import { reportSchema, REPORT_SCHEMA_ID, type Report } from '../../../src/shared/report';

function validReport(): Report {
  return {
    schema: REPORT_SCHEMA_ID,
    id: crypto.randomUUID(),
    createdAt: '2026-11-24T03:00:00.000Z',
    category: 'firearms-explosives',
    page: { url: 'https://example.org/p/1', title: '出售气狗', capturedAt: '2026-11-24T03:00:00.000Z' },
    listing: { text: 'air gun for sale', linkUrl: 'https://example.org/p/1#3' },
    matches: [{ phrase: '气狗', category: 'firearms-explosives', count: 2 }],
    note: '',
    reporter: null,
    evidence: [{ part: 'screenshot', mediaType: 'image/png', bytes: 10, sha256: 'a'.repeat(64) }],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
  };
}

describe('report schema', () => {
  it('round-trips a valid report through JSON unchanged', () => {
    const report = validReport();
    expect(reportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it.each([
    ['a non-v4 id', { id: '00000000-0000-0000-0000-000000000000' }],
    ['an unknown category', { category: 'guns' }],
    ['a local time without zone', { createdAt: '2026-11-24 03:00' }],
    ['uppercase hashes', { evidence: [{ part: 'screenshot', mediaType: 'image/png', bytes: 1, sha256: 'A'.repeat(64) }] }],
    ['a reporter without contact', { reporter: {} }],
    ['another schema id', { schema: 'tipline.report/v2' }],
  ])('rejects %s', (_name, change) => {
    expect(reportSchema.safeParse({ ...validReport(), ...change }).success).toBe(false);
  });

  it('refuses evidence or listing content on a child-sexual-abuse report', () => {
    const withEvidence = { ...validReport(), category: 'child-sexual-abuse', listing: undefined };
    expect(reportSchema.safeParse(withEvidence).success).toBe(false);
    const urlOnly = { ...withEvidence, evidence: [], matches: [] };
    expect(reportSchema.safeParse(urlOnly).success).toBe(true);
  });

  it('refuses the same evidence part twice', () => {
    const report = validReport();
    const twice = { ...report, evidence: [report.evidence[0], report.evidence[0]] };
    expect(reportSchema.safeParse(twice).success).toBe(false);
  });

  it('takes an optional page provenance with the allow-listed headers only, and none on a child-sexual-abuse report', () => {
    const provenance = { redirects: [{ url: 'http://example.org/a', status: 302 }], status: 200, ip: '127.0.0.1', headers: { date: 'Sun, 06 Dec 2026 08:00:00 GMT', etag: '"1"' } };
    const report = validReport();
    const withProvenance = { ...report, page: { ...report.page, provenance } };
    expect(reportSchema.parse(JSON.parse(JSON.stringify(withProvenance)))).toEqual(withProvenance);
    const cookie = { ...report, page: { ...report.page, provenance: { ...provenance, headers: { 'set-cookie': 'a=b' } } } };
    expect(reportSchema.safeParse(cookie).success).toBe(false);
    const badStatus = { ...report, page: { ...report.page, provenance: { ...provenance, status: 42 } } };
    expect(reportSchema.safeParse(badStatus).success).toBe(false);
    const csam = { ...withProvenance, category: 'child-sexual-abuse', listing: undefined, evidence: [], matches: [] };
    expect(reportSchema.safeParse(csam).success).toBe(false);
    expect(reportSchema.safeParse({ ...csam, page: report.page }).success).toBe(true);
  });
});
