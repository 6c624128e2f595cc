import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packageReport } from '../../../src/background/package-report';
import { requestTimestamp, settleTimestamp, timestampReply } from '../../../src/background/stamp-report';
import { reportHashList } from '../../../src/shared/hash-list';
import type { PartRecord, ReportRecord } from '../../../src/store/records';
import { openssl, startLocalTsa, type LocalTsa } from '../../support/local-tsa';

const PAGE_URL = 'https://market.example/item/9';

function part(name: 'screenshot' | 'snapshot', sha: string): PartRecord {
  return { id: crypto.randomUUID(), draftId: 'd', name, mediaType: name === 'screenshot' ? 'image/png' : 'text/html', blob: new Blob(['x']), bytes: 1, sha256: sha.repeat(64), createdAt: Date.now() };
}

function newRecord(): ReportRecord {
  const parts = [part('snapshot', 'c'), part('screenshot', 'b')];
  return packageReport({
    draft: { draftId: 'd', tabId: 1, category: 'jammers', note: 'n', includeContact: false, contact: '', page: { url: PAGE_URL, title: 'GPS jammer' }, matches: [], partIds: parts.map((p) => p.id) },
    parts,
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    hasEndpoint: true,
  });
}

let tsa: LocalTsa;
let garbage: LocalTsa;
let hanging: LocalTsa;
let dir: string;

beforeAll(async () => {
  [tsa, garbage, hanging] = await Promise.all([startLocalTsa(), startLocalTsa('garbage'), startLocalTsa('hang')]);
  dir = await mkdtemp(join(tmpdir(), 'tipline-stamp-'));
});

afterAll(async () => {
  await Promise.all([tsa.close(), garbage.close(), hanging.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('trusted timestamp before the first send', () => {
  it('is packaged pending, and lists report.json and the parts sorted by name', async () => {
    const record = newRecord();
    expect(record.timestamp).toEqual({ state: 'pending' });
    const names = (await reportHashList(record.report)).trimEnd().split('\n').map((line) => line.split('  ')[1]);
    expect(names).toEqual(['report.json', 'screenshot.png', 'snapshot.html']);
  });

  it('sends the TSA only the SHA-256 of the hash list, and gets a token openssl ts -verify accepts for that list', async () => {
    const record = newRecord();
    const before = tsa.requests.length;
    const stamp = await requestTimestamp(record, tsa.url);
    expect(stamp).toMatchObject({ state: 'stamped', tsaUrl: tsa.url });
    const hashList = await reportHashList(record.report);
    const request = tsa.requests[before]!;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(hashList));
    expect(request.includes(Buffer.from(digest))).toBe(true);
    // Nothing else of the report: not its address, its title, its note or any part's hash.
    for (const text of [PAGE_URL, 'market.example', 'GPS jammer', 'b'.repeat(64)]) expect(request.includes(Buffer.from(text))).toBe(false);
    expect(request.byteLength).toBeLessThan(100);

    await writeFile(join(dir, 'SHA256SUMS'), hashList);
    await writeFile(join(dir, 'timestamp.tsr'), timestampReply({ timestamp: stamp })!);
    const { stdout } = await openssl(['ts', '-verify', '-in', 'timestamp.tsr', '-data', 'SHA256SUMS', '-CAfile', tsa.caFile], dir);
    expect(stdout).toContain('Verification: OK');
  });

  it('posts without credentials, refusing redirects', async () => {
    const fetchImpl = vi.fn(async (_url: string, _init: RequestInit) => new Response('no', { status: 500 }));
    const stamp = await requestTimestamp(newRecord(), 'https://tsa.example/tsr', { fetchImpl: fetchImpl as unknown as typeof fetch });
    expect(stamp).toMatchObject({ state: 'none', problem: 'refused', detail: 'HTTP 500' });
    const init = fetchImpl.mock.calls[0]![1];
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/timestamp-query');
  });

  it('goes without one when the TSA is down', async () => {
    const stamp = await requestTimestamp(newRecord(), `http://127.0.0.1:${await closedPort()}/tsr`);
    expect(stamp).toMatchObject({ state: 'none', problem: 'unreachable', detail: 'network error' });
  });

  it('goes without one when the TSA answers garbage', async () => {
    const stamp = await requestTimestamp(newRecord(), garbage.url);
    expect(stamp).toMatchObject({ state: 'none', problem: 'refused' });
  });

  it('goes without one when the TSA does not answer in time, waiting no longer than the timeout', async () => {
    const started = Date.now();
    const stamp = await requestTimestamp(newRecord(), hanging.url, { timeoutMs: 300 });
    expect(stamp).toMatchObject({ state: 'none', problem: 'unreachable', detail: 'no answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(hanging.requests.length).toBeGreaterThan(0);
  });

  it('goes without one when the answer is too large to be a reply', async () => {
    const fetchImpl = vi.fn(async () => new Response(new Uint8Array(200 * 1024)));
    expect(await requestTimestamp(newRecord(), 'https://tsa.example/tsr', { fetchImpl })).toMatchObject({ state: 'none', problem: 'refused' });
  });

  it('is decided once: off without a TSA, and never asked for after that', async () => {
    const fetchImpl = vi.fn(async () => new Response('x'));
    const record = newRecord();
    expect(await settleTimestamp(record, null, { fetchImpl })).toEqual({ state: 'off' });
    const off = { ...record, timestamp: { state: 'off' as const } };
    expect(await settleTimestamp(off, tsa.url, { fetchImpl })).toBe(off.timestamp);
    // Reports made before timestamps existed may have been sent already: never stamped.
    expect(await settleTimestamp({ ...record, timestamp: undefined }, tsa.url, { fetchImpl })).toBeUndefined();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('keeps a stamp across retries, and drops it when evidence was taken out after it', async () => {
    const record = newRecord();
    const stamp = await settleTimestamp(record, tsa.url);
    expect(stamp?.state).toBe('stamped');
    const stamped = { ...record, timestamp: stamp };
    const asked = tsa.requests.length;
    expect(await settleTimestamp(stamped, tsa.url)).toBe(stamp);
    expect(tsa.requests.length).toBe(asked);
    const shrunk = { ...stamped, report: { ...stamped.report, evidence: stamped.report.evidence.slice(1) } };
    expect(await settleTimestamp(shrunk, tsa.url)).toMatchObject({ state: 'none', problem: 'evidence-changed' });
  });
});
