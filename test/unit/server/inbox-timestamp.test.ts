import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../../server/create-inbox';
import { newNonce, timeStampRequest } from '../../../src/background/rfc3161';
import { reportHashList } from '../../../src/shared/hash-list';
import type { Report } from '../../../src/shared/report';
import { openssl, startLocalTsa, type LocalTsa } from '../../support/local-tsa';
import { formOf, makeReport, PNG } from './make-report';

const REVIEWER = 'reviewer-secret';
let dataDir: string;
let inbox: Inbox;
let tsa: LocalTsa;

beforeAll(async () => {
  tsa = await startLocalTsa();
});
afterAll(async () => {
  await tsa.close();
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-tsa-'));
  inbox = await createInbox({ dataDir, port: 0, log: () => undefined, reviewerToken: REVIEWER });
});
afterEach(async () => {
  await inbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A real token from the local TSA over the report's hash list, as the worker gets it. */
async function tokenFor(report: Report): Promise<Buffer> {
  const hashList = await reportHashList(report);
  const digest = new Uint8Array(createHash('sha256').update(hashList).digest());
  const response = await fetch(tsa.url, { method: 'POST', body: timeStampRequest(digest, newNonce()) as Uint8Array<ArrayBuffer> });
  return Buffer.from(await response.arrayBuffer());
}

function withTimestamp(report: Report, screenshot: Buffer | null, token: Buffer | string): FormData {
  const form = formOf(report, screenshot);
  if (typeof token === 'string') form.append('timestamp', token);
  else form.append('timestamp', new Blob([new Uint8Array(token)], { type: 'application/timestamp-reply' }), 'timestamp.tsr');
  return form;
}

function post(form: FormData) {
  return fetch(`${inbox.url}/reports`, { method: 'POST', body: form });
}

describe('reference inbox: the trusted timestamp part', () => {
  it.each([
    ['a report with a screenshot', () => makeReport(), PNG, ['SHA256SUMS', 'receipt.json', 'report.json', 'screenshot.png', 'timestamp.tsr']],
    ['a child-sexual-abuse report, which has no other part', () => makeReport({ category: 'child-sexual-abuse', matches: [] }, null), null, ['SHA256SUMS', 'receipt.json', 'report.json', 'timestamp.tsr']],
  ])('takes it undeclared on %s, stores it, and openssl ts -verify accepts it for the stored SHA256SUMS', async (_name, make, screenshot, files) => {
    const report = make();
    const token = await tokenFor(report);
    const response = await post(withTimestamp(report, screenshot, token));
    expect(response.status).toBe(201);
    const dir = join(dataDir, report.id);
    expect((await readdir(dir)).sort()).toEqual(files);
    expect((await readFile(join(dir, 'timestamp.tsr'))).equals(token)).toBe(true);
    const receipt = JSON.parse(await readFile(join(dir, 'receipt.json'), 'utf8')) as { files: string[] };
    expect(receipt.files).toContain('timestamp.tsr');
    // SHA256SUMS is the stamped hash list itself: the token is made after it, so not in it.
    const sums = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
    expect(sums).toBe(await reportHashList(report));
    expect(sums).not.toContain('timestamp.tsr');
    const { stdout } = await openssl(['ts', '-verify', '-in', 'timestamp.tsr', '-data', 'SHA256SUMS', '-CAfile', tsa.caFile], dir);
    expect(stdout).toContain('Verification: OK');

    const served = await fetch(`${inbox.url}/reports/${report.id}/timestamp.tsr`, { headers: { Authorization: `Bearer ${REVIEWER}` } });
    expect(served.headers.get('content-type')).toBe('application/timestamp-reply');
    expect(Buffer.from(await served.arrayBuffer()).equals(token)).toBe(true);
  });

  it('answers a retry with the same token as the same report, and a different token as a reused id', async () => {
    const report = makeReport();
    const token = await tokenFor(report);
    const first = (await (await post(withTimestamp(report, PNG, token))).json()) as { receipt: string };
    const again = await post(withTimestamp(report, PNG, token));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { receipt: string }).receipt).toBe(first.receipt);
    expect((await post(withTimestamp(report, PNG, await tokenFor(report)))).status).toBe(422);
    expect((await post(formOf(report, PNG))).status).toBe(422);
  });

  it.each([
    ['a text field', () => 'MIIB' as string | Buffer, /must be a file/],
    ['bytes that are not DER', () => Buffer.from('<html>'), /not a DER/],
    ['more than 64 KB', () => Buffer.concat([Buffer.from([0x30]), Buffer.alloc(70 * 1024)]), /larger than/],
  ])('refuses a timestamp part that is %s', async (_name, token, message) => {
    const response = await post(withTimestamp(makeReport(), PNG, token()));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });
});
