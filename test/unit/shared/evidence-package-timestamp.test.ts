import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newNonce, timeStampRequest } from '../../../src/background/rfc3161';
import { buildEvidencePackage } from '../../../src/shared/evidence-package';
import { reportHashList } from '../../../src/shared/hash-list';
import { REPORT_SCHEMA_ID, type Report } from '../../../src/shared/report';
import { openssl, startLocalTsa, type LocalTsa } from '../../support/local-tsa';

const labels = {
  title: 'Tipline evidence',
  rows: { url: 'URL', pageTitle: 'Title', capturedUtc: 'UTC', capturedLocal: 'Local', category: 'Category', listing: 'Listing', note: 'Note', receipt: 'Receipt', client: 'Client', files: 'Files' },
};
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const html = new TextEncoder().encode('<!doctype html><p>listing</p>');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const report: Report = {
  schema: REPORT_SCHEMA_ID,
  id: crypto.randomUUID(),
  createdAt: '2026-11-24T03:00:00.000Z',
  category: 'jammers',
  page: { url: 'https://shop.example/jammer', title: 'GPS jammer', capturedAt: '2026-11-24T03:00:00.000Z' },
  matches: [],
  note: 'n',
  reporter: null,
  // Declared snapshot first: the hash list is sorted by file name all the same.
  evidence: [
    { part: 'snapshot', mediaType: 'text/html', bytes: html.byteLength, sha256: sha(html) },
    { part: 'screenshot', mediaType: 'image/png', bytes: png.byteLength, sha256: sha(png) },
  ],
  client: { name: 'tipline', version: '0.1.0', browser: 'test' },
};

let tsa: LocalTsa;
let dir: string;
beforeAll(async () => {
  tsa = await startLocalTsa();
  dir = await mkdtemp(join(tmpdir(), 'tipline-package-tsa-'));
});
afterAll(async () => {
  await tsa.close();
  await rm(dir, { recursive: true, force: true });
});

describe('evidence package with a trusted timestamp', () => {
  it('carries timestamp.tsr beside the SHA256SUMS it stamps, and openssl ts -verify accepts it', async () => {
    const hashList = await reportHashList(report);
    const digest = new Uint8Array(createHash('sha256').update(hashList).digest());
    const token = new Uint8Array(await (await fetch(tsa.url, { method: 'POST', body: timeStampRequest(digest, newNonce()) as Uint8Array<ArrayBuffer> })).arrayBuffer());
    const zip = await buildEvidencePackage(
      report,
      [
        { name: 'snapshot', mediaType: 'text/html', bytes: html },
        { name: 'screenshot', mediaType: 'image/png', bytes: png },
      ],
      { timestamp: token, labels, categoryLabel: 'Jammers', localTime: 'local' },
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['SHA256SUMS', 'report.json', 'screenshot.png', 'snapshot.html', 'summary.html', 'timestamp.tsr']);
    expect(strFromU8(files.SHA256SUMS!)).toBe(hashList);
    expect(Buffer.from(files['timestamp.tsr']!).equals(Buffer.from(token))).toBe(true);
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    const { stdout } = await openssl(['ts', '-verify', '-in', 'timestamp.tsr', '-data', 'SHA256SUMS', '-CAfile', tsa.caFile], dir);
    expect(stdout).toContain('Verification: OK');
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check).toContain('report.json: OK');
  });

  it('has no timestamp.tsr when the report has none', async () => {
    const zip = await buildEvidencePackage({ ...report, evidence: [] }, [], { labels, categoryLabel: 'Jammers', localTime: 'local' });
    expect(Object.keys(unzipSync(zip))).not.toContain('timestamp.tsr');
  });
});
