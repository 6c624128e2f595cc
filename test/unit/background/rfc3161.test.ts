import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newNonce, readTimeStampReply, timeStampRequest } from '../../../src/background/rfc3161';
import { openssl, startLocalTsa, type LocalTsa, type TsaKey } from '../../support/local-tsa';

let tsa: LocalTsa;
let dir: string;

beforeAll(async () => {
  tsa = await startLocalTsa();
  dir = await mkdtemp(join(tmpdir(), 'tipline-rfc3161-'));
});

afterAll(async () => {
  await tsa.close();
  await rm(dir, { recursive: true, force: true });
});

const HASH_LIST = new TextEncoder().encode(`${'ab'.repeat(32)}  report.json\n${'cd'.repeat(32)}  screenshot.png\n`);
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

async function ask(query: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(tsa.url, { method: 'POST', body: query as Uint8Array<ArrayBuffer>, headers: { 'Content-Type': 'application/timestamp-query' } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe('RFC 3161 requests', () => {
  it('asks for a SHA-256 imprint with our nonce and the TSA certificate, as openssl reads it', async () => {
    const nonce = newNonce();
    const query = timeStampRequest(sha256(HASH_LIST), nonce);
    await writeFile(join(dir, 'request.tsq'), query);
    const { stdout } = await openssl(['ts', '-query', '-in', join(dir, 'request.tsq'), '-text']);
    expect(stdout).toMatch(/Version: 1/);
    expect(stdout).toMatch(/Hash Algorithm: sha256/);
    const shown = [...stdout.matchAll(/^\s+[0-9a-f]{4} - (.+?)\s{3}/gm)].map((m) => m[1]!.replace(/[ -]/g, '')).join('');
    expect(shown).toBe(hex(sha256(HASH_LIST)));
    expect(stdout).toContain(`Nonce: 0x${hex(nonce).toUpperCase()}`);
    expect(stdout).toMatch(/Certificate required: yes/);
  });

  it('makes positive, minimally encoded 64-bit nonces that differ', () => {
    const nonces = Array.from({ length: 200 }, newNonce);
    for (const nonce of nonces) {
      expect(nonce.byteLength).toBe(8);
      expect(nonce[0]).toBeGreaterThanOrEqual(1);
      expect(nonce[0]).toBeLessThanOrEqual(0x7f);
    }
    expect(new Set(nonces.map(hex)).size).toBe(200);
  });

  it('refuses a digest that is not SHA-256 sized', () => {
    expect(() => timeStampRequest(new Uint8Array(20), newNonce())).toThrow(/32 bytes/);
  });
});

describe('RFC 3161 replies', () => {
  it('accepts a granted reply from openssl ts -reply that stamps our hash list with our nonce', async () => {
    const nonce = newNonce();
    const reply = await ask(timeStampRequest(sha256(HASH_LIST), nonce));
    const reading = await readTimeStampReply(reply, { stamped: HASH_LIST, nonce });
    expect(reading).toMatchObject({ ok: true });
    if (!reading.ok) return;
    expect(Math.abs(Date.parse(reading.genTime) - Date.now())).toBeLessThan(60_000);
    // The reply we accept is one openssl accepts for the same bytes.
    await writeFile(join(dir, 'SHA256SUMS'), HASH_LIST);
    await writeFile(join(dir, 'accepted.tsr'), reply);
    const { stdout } = await openssl(['ts', '-verify', '-in', join(dir, 'accepted.tsr'), '-data', join(dir, 'SHA256SUMS'), '-CAfile', tsa.caFile]);
    expect(stdout).toContain('Verification: OK');
  });

  it('refuses a token over another hash list', async () => {
    const nonce = newNonce();
    const reply = await ask(timeStampRequest(sha256(HASH_LIST), nonce));
    const other = new TextEncoder().encode(`${'ef'.repeat(32)}  report.json\n`);
    expect(await readTimeStampReply(reply, { stamped: other, nonce })).toMatchObject({ ok: false, problem: 'imprint-mismatch' });
  });

  it('refuses a token that answers another request (nonce)', async () => {
    const reply = await ask(timeStampRequest(sha256(HASH_LIST), newNonce()));
    expect(await readTimeStampReply(reply, { stamped: HASH_LIST, nonce: newNonce() })).toMatchObject({ ok: false, problem: 'nonce-mismatch' });
  });

  it('refuses a token whose signature was altered', async () => {
    const nonce = newNonce();
    const reply = await ask(timeStampRequest(sha256(HASH_LIST), nonce));
    // The SignerInfo's signature closes the structure: its last byte is part of the signature value.
    const altered = reply.slice();
    altered[altered.length - 1]! ^= 0x01;
    expect(await readTimeStampReply(altered, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a rejection (a SHA-1 request the TSA does not take) as not granted', async () => {
    await writeFile(join(dir, 'data.txt'), HASH_LIST);
    await openssl(['ts', '-query', '-data', join(dir, 'data.txt'), '-sha1', '-cert', '-out', join(dir, 'sha1.tsq')]);
    const reply = await ask(await readFile(join(dir, 'sha1.tsq')));
    expect(await readTimeStampReply(reply, { stamped: HASH_LIST, nonce: newNonce() })).toMatchObject({ ok: false, problem: 'not-granted' });
  });

  it.each([
    ['an HTML page', new TextEncoder().encode('<html>Welcome to the hotel Wi-Fi</html>')],
    ['nothing', new Uint8Array()],
    ['a DER SEQUENCE of something else', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])],
    ['random bytes', crypto.getRandomValues(new Uint8Array(600))],
  ])('refuses %s as not a reply', async (_name, bytes) => {
    expect(await readTimeStampReply(bytes, { stamped: HASH_LIST, nonce: newNonce() })).toMatchObject({ ok: false, problem: 'not-a-reply' });
  });

  it('refuses a good reply with bytes after it', async () => {
    const nonce = newNonce();
    const reply = await ask(timeStampRequest(sha256(HASH_LIST), nonce));
    const padded = new Uint8Array([...reply, 0x00, 0x00]);
    expect(await readTimeStampReply(padded, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: false, problem: 'not-a-reply' });
  });
});

describe('RFC 3161 replies signed with RSA', () => {
  // The test TSA above signs with ECDSA P-256; most TSAs in use sign with RSA.
  it.each<TsaKey>(['rsa'])('accepts a granted %s reply, as openssl does, and refuses it altered', async (key) => {
    const rsaTsa = await startLocalTsa('ok', key);
    try {
      const nonce = newNonce();
      const query = timeStampRequest(sha256(HASH_LIST), nonce);
      const response = await fetch(rsaTsa.url, { method: 'POST', body: query as Uint8Array<ArrayBuffer>, headers: { 'Content-Type': 'application/timestamp-query' } });
      const reply = new Uint8Array(await response.arrayBuffer());
      expect(await readTimeStampReply(reply, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: true });
      await writeFile(join(dir, `SHA256SUMS-${key}`), HASH_LIST);
      await writeFile(join(dir, `${key}.tsr`), reply);
      const { stdout } = await openssl(['ts', '-verify', '-in', join(dir, `${key}.tsr`), '-data', join(dir, `SHA256SUMS-${key}`), '-CAfile', rsaTsa.caFile]);
      expect(stdout).toContain('Verification: OK');
      const altered = reply.slice();
      altered[altered.length - 1]! ^= 0x01;
      expect(await readTimeStampReply(altered, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: false, problem: 'bad-signature' });
    } finally {
      await rsaTsa.close();
    }
  });
});

describe('RFC 3161 replies signed with RSA-PSS', () => {
  // The DER of id-RSASSA-PSS (1.2.840.113549.1.1.10), which names the signature algorithm of a PSS token.
  const RSASSA_PSS = Buffer.from('06092a864886f70d01010a', 'hex');
  // The DER of the TSA's policy 1.2.3.4.1 (local-tsa.ts): it sits only in the TSTInfo.
  const POLICY = Buffer.from('06042a030401', 'hex');

  it.each<TsaKey>(['rsa-pss', 'rsa-pss-sha384'])('accepts a granted %s reply, as openssl cms does, and refuses it altered', async (key) => {
    const pssTsa = await startLocalTsa('ok', key);
    try {
      const nonce = newNonce();
      const query = timeStampRequest(sha256(HASH_LIST), nonce);
      const response = await fetch(pssTsa.url, { method: 'POST', body: query as Uint8Array<ArrayBuffer>, headers: { 'Content-Type': 'application/timestamp-query' } });
      expect(response.status).toBe(200);
      const reply = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(reply).indexOf(RSASSA_PSS)).toBeGreaterThan(0);
      expect(await readTimeStampReply(reply, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: true });

      // openssl checks the same token's signature and its signer's chain up to the test CA.
      await writeFile(join(dir, `${key}.tsr`), reply);
      await openssl(['ts', '-reply', '-in', join(dir, `${key}.tsr`), '-token_out', '-out', join(dir, `${key}.token`)]);
      const { stderr } = await openssl(['cms', '-verify', '-inform', 'DER', '-in', join(dir, `${key}.token`), '-binary', '-CAfile', pssTsa.caFile, '-purpose', 'timestampsign', '-out', join(dir, `${key}.tst`)]);
      expect(stderr).toContain('Verification successful');

      const badSignature = reply.slice();
      badSignature[badSignature.length - 1]! ^= 0x01;
      expect(await readTimeStampReply(badSignature, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: false, problem: 'bad-signature' });

      // Another policy in the signed TSTInfo: its digest no longer matches the signed attributes.
      const policyAt = Buffer.from(reply).indexOf(POLICY);
      expect(policyAt).toBeGreaterThan(0);
      expect(Buffer.from(reply).indexOf(POLICY, policyAt + 1)).toBe(-1);
      const badContent = reply.slice();
      badContent[policyAt + POLICY.length - 1]! ^= 0x01;
      expect(await readTimeStampReply(badContent, { stamped: HASH_LIST, nonce })).toMatchObject({ ok: false, problem: 'bad-signature' });
    } finally {
      await pssTsa.close();
    }
  });
});
