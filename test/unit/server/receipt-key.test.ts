import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox, type InboxOptions } from '../../../server/create-inbox';
import { writeReceiptKey } from '../../../server/receipt-signer';
import { receiptMessage, signedReceiptSchema } from '../../../src/shared/signed-receipt';
import { formOf, makeReport } from './make-report';

let dir: string;
let inbox: Inbox | undefined;
const quiet = () => undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tipline-receipt-key-'));
});

afterEach(async () => {
  await inbox?.close();
  inbox = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function signingInbox(extra: Partial<InboxOptions> = {}): Promise<Inbox> {
  const keyFile = join(dir, 'receipt-key.pem');
  await writeReceiptKey(keyFile);
  inbox = await createInbox({ dataDir: join(dir, 'data'), port: 0, log: quiet, receiptKeyFile: keyFile, ...extra });
  return inbox;
}

describe('signed receipts of the reference inbox', () => {
  it('publishes its public key as PEM and JSON to anyone, even when every other read needs a credential', async () => {
    const { url, receiptKeyId } = await signingInbox({ token: 'submit-secret', reviewerToken: 'reviewer-secret' });
    const pem = await fetch(`${url}/receipt-key`);
    expect(pem.status).toBe(200);
    expect(pem.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await pem.text();
    expect(text).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const key = createPublicKey(text);
    expect(key.asymmetricKeyType).toBe('ed25519');
    expect(createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex')).toBe(receiptKeyId);

    const described = (await (await fetch(`${url}/receipt-key.json`)).json()) as { algorithm: string; keyId: string; pem: string; jwk: { kty: string; crv: string; x: string; kid: string } };
    expect(described).toMatchObject({ algorithm: 'Ed25519', keyId: receiptKeyId, pem: text, jwk: { kty: 'OKP', crv: 'Ed25519', kid: receiptKeyId } });
    expect(createPublicKey({ key: described.jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' })).toBe(text);
    expect((await fetch(`${url}/receipt-key`, { method: 'HEAD' })).status).toBe(200);
    // The rest stays closed.
    expect((await fetch(`${url}/reports.json`)).status).toBe(401);
  });

  it('answers 404 at the key URL, and signs nothing, without a receipt key', async () => {
    inbox = await createInbox({ dataDir: join(dir, 'data'), port: 0, log: quiet });
    const response = await fetch(`${inbox.url}/receipt-key`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/does not sign/);
    const answer = (await (await fetch(`${inbox.url}/reports`, { method: 'POST', body: formOf(makeReport()) })).json()) as Record<string, unknown>;
    expect(answer.receipt).toBeDefined();
    expect(answer.signed).toBeUndefined();
  });

  it('signs the stored report.json bytes, its id and the time it stored them, and answers a repeat with the same signature', async () => {
    const { url, receiptKeyId } = await signingInbox();
    const report = makeReport();
    const response = await fetch(`${url}/reports`, { method: 'POST', body: formOf(report), headers: { 'Idempotency-Key': report.id } });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { receipt: string; status: string; signed: unknown };
    const signed = signedReceiptSchema.parse(answer.signed);
    const folder = join(dir, 'data', report.id);
    const stored = JSON.parse(await readFile(join(folder, 'receipt.json'), 'utf8')) as { receipt: string; receivedAt: string; signed: unknown };
    expect(signed).toEqual({
      format: 'tipline-receipt/v1',
      algorithm: 'Ed25519',
      id: report.id,
      reportSha256: createHash('sha256').update(await readFile(join(folder, 'report.json'))).digest('hex'),
      receivedAt: stored.receivedAt,
      signature: expect.any(String),
      keyId: receiptKeyId,
      keyUrl: '/receipt-key',
    });
    expect(stored.signed).toEqual(signed);
    expect(answer.receipt).toBe(stored.receipt);

    const key = createPublicKey(await (await fetch(`${url}/receipt-key`)).text());
    const message = Buffer.from(receiptMessage(signed), 'utf8');
    expect(message.toString()).toBe(`tipline-receipt/v1\n${report.id}\n${signed.reportSha256}\n${signed.receivedAt}`);
    expect(verify(null, message, key, Buffer.from(signed.signature, 'base64'))).toBe(true);
    // The receipt id is not in the signed text; a changed time or hash is caught.
    expect(verify(null, Buffer.from(receiptMessage({ ...signed, receivedAt: '2020-01-01T00:00:00.000Z' })), key, Buffer.from(signed.signature, 'base64'))).toBe(false);

    const again = await fetch(`${url}/reports`, { method: 'POST', body: formOf(report) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { signed: unknown }).signed).toEqual(signed);
  });

  it('lists the signed receipt for reviewers', async () => {
    const { url } = await signingInbox({ reviewerToken: 'reviewer-secret' });
    const report = makeReport();
    await fetch(`${url}/reports`, { method: 'POST', body: formOf(report) });
    const list = (await (await fetch(`${url}/reports.json`, { headers: { Authorization: 'Bearer reviewer-secret' } })).json()) as { reports: { receipt: { signed?: { id: string } } }[] };
    expect(list.reports[0]!.receipt.signed?.id).toBe(report.id);
  });

  it.each([
    ['a missing file', async (path: string) => path, /cannot read the receipt key .*ENOENT/],
    ['text that is no key', async (path: string) => (await writeFile(path, 'not a key\n'), path), /holds no private key in PEM/],
    ['an RSA key', async (path: string) => (await writeFile(path, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' })), path), /must be an Ed25519 private key/],
  ])('refuses to start with %s as its receipt key, saying why', async (_name, make, message) => {
    const path = await make(join(dir, 'key.pem'));
    await expect(createInbox({ dataDir: join(dir, 'data'), port: 0, log: quiet, receiptKeyFile: path })).rejects.toThrow(message);
  });

  it('never overwrites a receipt key and writes a new one readable by its owner only', async () => {
    const path = join(dir, 'k.pem');
    const first = await writeReceiptKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(writeReceiptKey(path)).rejects.toMatchObject({ code: 'EEXIST' });
    inbox = await createInbox({ dataDir: join(dir, 'data'), port: 0, log: quiet, receiptKeyFile: path });
    expect(inbox.receiptKeyId).toBe(first.keyId);
  });
});
