import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox, type InboxOptions } from '../../../server/create-inbox';
import { formOf, makeReport, PNG } from './make-report';

let dataDir: string;
let inbox: Inbox;
const quiet = () => undefined;
// Reading reports takes a reviewer credential (docs/INBOX.md, Credentials).
const REVIEWER = 'reviewer-secret';
const asReviewer = { headers: { Authorization: `Bearer ${REVIEWER}` } };

async function start(options: Partial<InboxOptions> = {}) {
  inbox = await createInbox({ dataDir, port: 0, log: quiet, ...options });
}

function post(form: FormData, headers: Record<string, string> = {}) {
  return fetch(`${inbox.url}/reports`, { method: 'POST', body: form, headers });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tipline-inbox-test-'));
});

afterEach(async () => {
  await inbox?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function folders(): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => !name.startsWith('.'));
}

describe('reference inbox', () => {
  it('stores a valid report with its parts, SHA256SUMS and a receipt', async () => {
    await start();
    const report = makeReport();
    const response = await post(formOf(report), { 'Idempotency-Key': report.id });
    expect(response.status).toBe(201);
    const { receipt } = (await response.json()) as { receipt: string };
    expect(receipt).toMatch(/^TL-\d{8}-[0-9A-F]{10}$/);
    const dir = join(dataDir, report.id);
    expect((await readdir(dir)).sort()).toEqual(['SHA256SUMS', 'receipt.json', 'report.json', 'screenshot.png']);
    expect(Buffer.compare(await readFile(join(dir, 'screenshot.png')), PNG)).toBe(0);
    const sums = (await readFile(join(dir, 'SHA256SUMS'), 'utf8')).trim().split('\n');
    for (const line of sums) {
      const [hash, name] = line.split('  ');
      expect(createHash('sha256').update(await readFile(join(dir, name!))).digest('hex')).toBe(hash);
    }
  });

  it('answers a repeat of the same id with the same receipt and stores nothing new', async () => {
    await start();
    const report = makeReport();
    const first = (await (await post(formOf(report))).json()) as { receipt: string };
    const again = await post(formOf(report));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { receipt: string }).receipt).toBe(first.receipt);
    expect(await folders()).toHaveLength(1);
  });

  it('stores one report for 20 concurrent posts of one id, all with the same receipt', async () => {
    await start();
    const report = makeReport();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(formOf(report)).then((r) => r.json() as Promise<{ receipt: string }>)));
    expect(new Set(answers.map((a) => a.receipt)).size).toBe(1);
    expect(await folders()).toEqual([report.id]);
  });

  it.each([
    ['a wrong hash', () => formOf(makeReport({ evidence: [{ part: 'screenshot', mediaType: 'image/png', bytes: PNG.length, sha256: '0'.repeat(64) }] })), /SHA-256/],
    ['a missing report part', () => { const f = new FormData(); f.append('screenshot', new Blob([PNG])); return f; }, /"report" part is missing/],
    ['bad JSON', () => { const f = new FormData(); f.append('report', new Blob(['{nope'])); return f; }, /not valid JSON/],
    ['an invalid field', () => formOf({ ...makeReport(), category: 'guns' }), /report\.category/],
    ['non-PNG bytes labelled image/png', () => { const bytes = Buffer.from('GIF89a not a png'); return formOf(makeReport({}, bytes), bytes); }, /not a PNG/],
    ['an undeclared part', () => formOf(makeReport({}, null), PNG), /not declared/],
    ['an unknown part', () => formOf(makeReport(), PNG, [['../../etc/passwd', new Blob(['x'])]]), /unknown part/],
  ])('refuses %s with a 400 naming the problem', async (_name, build, message) => {
    await start();
    const response = await post(build());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await folders()).toEqual([]);
  });

  it('refuses an Idempotency-Key that is not the report id', async () => {
    await start();
    const response = await post(formOf(makeReport()), { 'Idempotency-Key': crypto.randomUUID() });
    expect(response.status).toBe(400);
  });

  it('refuses more parts than allowed', async () => {
    await start({ maxParts: 2 });
    const response = await post(formOf(makeReport(), PNG, [['snapshot', new Blob(['<p>x</p>'], { type: 'text/html' })]]));
    expect(response.status).toBe(400);
  });

  it('cuts off a body over the limit while it streams, without reading it all', async () => {
    await start({ maxBytes: 64 * 1024 });
    const { port } = inbox;
    const result = await new Promise<{ status: number; sent: number }>((resolve) => {
      let sent = 0;
      const req = request({ port, method: 'POST', path: '/reports', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' } }, (res) => {
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
      req.on('error', () => resolve({ status: -1, sent }));
      const chunk = Buffer.alloc(16 * 1024, 97);
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(result.status === 413 || result.status === -1).toBe(true);
    expect(result.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('answers 413 up front when Content-Length is over the limit', async () => {
    await start({ maxBytes: 1024 });
    const response = await post(formOf(makeReport(), Buffer.concat([PNG, Buffer.alloc(4096)])));
    expect(response.status).toBe(413);
  });

  it('requires the bearer token when one is set, comparing it in constant time', async () => {
    await start({ token: 's3cret' });
    expect((await post(formOf(makeReport()))).status).toBe(401);
    expect((await post(formOf(makeReport()), { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(formOf(makeReport()), { Authorization: 'Bearer s3cret' })).status).toBe(201);
    expect((await fetch(`${inbox.url}/reports`, { headers: { Accept: 'application/json' } })).status).toBe(401);
    expect((await fetch(`${inbox.url}/health`)).status).toBe(200);
  });

  it('escapes everything it renders and serves a strict CSP', async () => {
    await start({ reviewerToken: REVIEWER });
    const hostile = makeReport({
      page: { url: 'javascript:alert(1)', title: '<script>alert(1)</script>', capturedAt: new Date().toISOString() },
      note: '<img src=x onerror=alert(1)>',
      listing: { text: '</blockquote><script>alert(2)</script>' },
    });
    expect((await post(formOf(hostile))).status).toBe(201);
    const page = await fetch(`${inbox.url}/`, asReviewer);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('serves only whitelisted files of real report ids', async () => {
    await start({ reviewerToken: REVIEWER });
    const report = makeReport();
    await post(formOf(report));
    expect((await fetch(`${inbox.url}/reports/${report.id}/screenshot.png`, asReviewer)).headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${inbox.url}/reports/${report.id}/..%2F..%2Fetc%2Fpasswd`, asReviewer)).status).toBe(404);
    expect((await fetch(`${inbox.url}/reports/..%2F..%2Fetc/passwd`, asReviewer)).status).toBe(404);
    expect((await fetch(`${inbox.url}/reports/not-an-id/report.json`, asReviewer)).status).toBe(404);
  });

  it('publishes its schema, health and protocol id', async () => {
    await start();
    const schema = (await (await fetch(`${inbox.url}/schema`)).json()) as { properties?: Record<string, unknown> };
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['id', 'category', 'page', 'evidence']));
    expect(await (await fetch(`${inbox.url}/health`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${inbox.url}/reports`, { headers: { Accept: 'application/json' } })).json()).toEqual({ protocol: 'tipline.report/v1' });
  });
});
