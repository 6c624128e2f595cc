import 'fake-indexeddb/auto';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInbox, type Inbox } from '../../../server/create-inbox';
import { writeReceiptKey } from '../../../server/receipt-signer';
import { receiptMessage } from '../../../src/shared/signed-receipt';
import { fakeBrowser } from '../background/fake-browser';
import { freshDatabase } from '../background/fresh-database';
import { message } from './fake-polyfill';

// The worker's queue and the history's export, as in the extension: storage from the background's
// fake, messages from the pages' fake (a message reads as its key).
const browser = Object.assign(fakeBrowser(), { i18n: { getMessage: message, getUILanguage: () => 'en' } });
vi.mock('webextension-polyfill', () => ({ default: browser }));

const { putReport, getReport } = await import('../../../src/store/report-store');
const { savePart } = await import('../../../src/store/part-store');
const { attempt } = await import('../../../src/background/queue');
const { packageReport } = await import('../../../src/background/package-report');
const { evidencePackageOf } = await import('../../../src/popup/export-package');

function hasTools(...names: string[]): boolean {
  return names.every((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7, 7, 7, 7]);
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let inbox: Inbox;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tipline-export-'));
  await writeReceiptKey(join(dir, 'receipt-key.pem'));
  inbox = await createInbox({ dataDir: join(dir, 'data'), port: 0, log: () => undefined, receiptKeyFile: join(dir, 'receipt-key.pem') });
});

afterAll(async () => {
  await inbox?.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await freshDatabase();
  browser._storage.set('settings', { endpoint: { url: `${inbox.url}/reports` } });
});

/** A report with a screenshot, stored, sent by the queue to the inbox, and exported as the history does. */
async function deliverAndExport(): Promise<{ id: string; files: Record<string, Uint8Array> }> {
  const draftId = crypto.randomUUID();
  const part = await savePart({ draftId, name: 'screenshot', mediaType: 'image/png', data: PNG, variant: 'visible' });
  const record = packageReport({
    draft: {
      draftId,
      tabId: 1,
      category: 'jammers',
      note: '信号屏蔽器 — “quoted”, \\ and </script>',
      includeContact: false,
      contact: '',
      page: { url: 'https://shop.example/jammer', title: 'GPS jammer ✓' },
      matches: [{ phrase: 'gps jammer', category: 'jammers', count: 2 }],
      partIds: [part.id],
    },
    parts: [part],
    client: { name: 'tipline', version: '0.1.0', browser: 'test' },
    hasEndpoint: true,
  });
  await putReport(record);
  await attempt(record.id);
  const stored = await getReport(record.id);
  expect(stored?.status).toBe('delivered');
  return { id: record.id, files: unzipSync(await evidencePackageOf(stored!)) };
}

async function publishedKey() {
  const response = await fetch(`${inbox.url}/receipt-key`);
  expect(response.status).toBe(200);
  return createPublicKey(await response.text());
}

describe('the exported evidence package', () => {
  it('holds the report.json bytes whose SHA-256 the inbox stored, and the screenshot it stored', async () => {
    const { id, files } = await deliverAndExport();
    const folder = join(dir, 'data', id);
    const stored = new Map(
      (await readFile(join(folder, 'SHA256SUMS'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => line.split('  ').reverse() as [string, string]),
    );
    expect(sha256(files['report.json']!)).toBe(stored.get('report.json'));
    expect(Buffer.compare(Buffer.from(files['report.json']!), await readFile(join(folder, 'report.json')))).toBe(0);
    expect(sha256(files['screenshot.png']!)).toBe(stored.get('screenshot.png'));
    // The package's own hash list agrees with the inbox's, line for line, for what was sent.
    const listed = strFromU8(files.SHA256SUMS!).trim().split('\n').sort();
    expect(listed).toEqual([...stored].map(([name, hash]) => `${hash}  ${name}`).sort());
  });

  it('carries the signed receipt, which verifies with the published key and fails after a one-byte change', async () => {
    const { id, files } = await deliverAndExport();
    const receipt = JSON.parse(strFromU8(files['receipt.json']!)) as Record<string, string>;
    const storedReceipt = JSON.parse(await readFile(join(dir, 'data', id, 'receipt.json'), 'utf8')) as { receipt: string; receivedAt: string };
    expect(receipt).toMatchObject({
      receipt: storedReceipt.receipt,
      format: 'tipline-receipt/v1',
      algorithm: 'Ed25519',
      id,
      reportSha256: sha256(files['report.json']!),
      receivedAt: storedReceipt.receivedAt,
      keyId: inbox.receiptKeyId,
      keyUrl: `${inbox.url}/receipt-key`,
    });
    expect(receipt.message).toBe(`tipline-receipt/v1\n${id}\n${sha256(files['report.json']!)}\n${storedReceipt.receivedAt}`);
    expect(receipt.message).toBe(receiptMessage({ id, reportSha256: receipt.reportSha256!, receivedAt: receipt.receivedAt! }));

    const key = await publishedKey();
    const text = Buffer.from(receipt.message!, 'utf8');
    const signature = Buffer.from(receipt.signature!, 'base64');
    expect(signature).toHaveLength(64);
    expect(verify(null, text, key, signature)).toBe(true);
    for (const at of [0, text.length >> 1, text.length - 1]) {
      const changed = Buffer.from(text);
      changed[at]! ^= 0x01;
      expect(verify(null, changed, key, signature), `message byte ${at}`).toBe(false);
    }
    for (const at of [0, 31, 63]) {
      const changed = Buffer.from(signature);
      changed[at]! ^= 0x01;
      expect(verify(null, text, key, changed), `signature byte ${at}`).toBe(false);
    }
    // The key's id is the SHA-256 of its DER SubjectPublicKeyInfo, as docs/EVIDENCE.md has a reviewer check it.
    expect(sha256(key.export({ type: 'spki', format: 'der' }))).toBe(receipt.keyId);
    // receipt.json is not among the files SHA256SUMS lists: those are what was sent.
    expect(strFromU8(files.SHA256SUMS!)).not.toContain('receipt.json');
  });

  // The reviewer's tools (.ci/run installs jq and openssl; a machine without them skips only this check).
  it.skipIf(!hasTools('jq', 'openssl', 'base64', 'sha256sum'))('verifies with the commands of docs/EVIDENCE.md (jq, base64, openssl pkeyutl), and not after a one-byte change', async () => {
    const { files } = await deliverAndExport();
    const work = await mkdtemp(join(tmpdir(), 'tipline-receipt-check-'));
    try {
      await writeFile(join(work, 'receipt.json'), files['receipt.json']!);
      await writeFile(join(work, 'key.pem'), await (await fetch(`${inbox.url}/receipt-key`)).text());
      const run = (script: string) => execFileSync('sh', ['-c', script], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
      const check = () => spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', 'message', '-sigfile', 'sig'], { cwd: work, encoding: 'utf8' });
      run(`jq -j '"tipline-receipt/v1\\n\\(.id)\\n\\(.reportSha256)\\n\\(.receivedAt)"' receipt.json > message`);
      run('jq -j .message receipt.json | cmp - message');
      run('jq -r .signature receipt.json | base64 -d > sig');
      const good = check();
      expect(good.stdout).toContain('Signature Verified Successfully');
      expect(good.status).toBe(0);
      expect(run('openssl pkey -pubin -in key.pem -outform DER | sha256sum').split(' ')[0]).toBe(JSON.parse(strFromU8(files['receipt.json']!)).keyId);
      const message = await readFile(join(work, 'message'));
      message[message.length - 1]! ^= 0x01;
      await writeFile(join(work, 'message'), message);
      const bad = check();
      expect(bad.stdout).toContain('Signature Verification Failure');
      expect(bad.status).not.toBe(0);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('has no receipt.json when the endpoint signs nothing', async () => {
    const plain = await createInbox({ dataDir: join(dir, 'plain'), port: 0, log: () => undefined });
    try {
      browser._storage.set('settings', { endpoint: { url: `${plain.url}/reports` } });
      const { files } = await deliverAndExport();
      expect(Object.keys(files).sort()).toEqual(['SHA256SUMS', 'report.json', 'screenshot.png', 'summary.html']);
    } finally {
      await plain.close();
    }
  });
});
