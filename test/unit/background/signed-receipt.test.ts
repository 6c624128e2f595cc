import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedReceiptToKeep } from '../../../src/background/signed-receipt';
import { classifyResponse } from '../../../src/shared/classify-response';
import { reportJson, REPORT_SCHEMA_ID, type Report } from '../../../src/shared/report';
import type { SignedReceipt } from '../../../src/shared/signed-receipt';

const report: Report = {
  schema: REPORT_SCHEMA_ID,
  id: crypto.randomUUID(),
  createdAt: '2026-12-06T08:00:00.000Z',
  category: 'jammers',
  page: { url: 'https://shop.example/jammer', title: 'GPS jammer', capturedAt: '2026-12-06T08:00:00.000Z' },
  matches: [],
  note: '',
  reporter: null,
  evidence: [],
  client: { name: 'tipline', version: '0.1.0', browser: 'test' },
};

function signed(change: Partial<SignedReceipt> = {}): SignedReceipt {
  return {
    format: 'tipline-receipt/v1',
    algorithm: 'Ed25519',
    id: report.id,
    reportSha256: createHash('sha256').update(reportJson(report)).digest('hex'),
    receivedAt: '2026-12-06T08:00:01.000Z',
    signature: Buffer.alloc(64, 7).toString('base64'),
    keyId: 'a'.repeat(64),
    keyUrl: '/receipt-key',
    ...change,
  };
}

describe('the signed receipt a report keeps', () => {
  it('keeps one that speaks of the bytes sent, its key URL made absolute against the endpoint', async () => {
    expect(await signedReceiptToKeep(signed(), report, 'https://tips.example.org/inbox/reports')).toEqual({ ...signed(), keyUrl: 'https://tips.example.org/receipt-key' });
    expect((await signedReceiptToKeep(signed({ keyUrl: 'https://keys.example.org/tipline.pem' }), report, 'https://tips.example.org/reports'))?.keyUrl).toBe('https://keys.example.org/tipline.pem');
  });

  it.each([
    ['another report id', signed({ id: crypto.randomUUID() })],
    ['another hash of report.json', signed({ reportSha256: '0'.repeat(64) })],
    ['a key URL that is no web address', signed({ keyUrl: 'javascript:alert(1)' })],
  ])('drops one with %s', async (_name, receipt) => {
    expect(await signedReceiptToKeep(receipt, report, 'https://tips.example.org/reports')).toBeUndefined();
  });

  it('takes credentials out of the key URL', async () => {
    expect((await signedReceiptToKeep(signed({ keyUrl: 'https://user:pw@tips.example.org/receipt-key' }), report, 'https://tips.example.org/reports'))?.keyUrl).toBe('https://tips.example.org/receipt-key');
  });
});

describe('an answer with a signed receipt', () => {
  it('is accepted with it when well formed', () => {
    const outcome = classifyResponse(201, JSON.stringify({ receipt: 'R-1', signed: signed() }));
    expect(outcome).toEqual({ kind: 'accepted', receipt: { receipt: 'R-1', signed: signed() } });
  });

  it.each([
    ['a signature that is not base64', { ...signed(), signature: 'not base64!' }],
    ['an unknown format', { ...signed(), format: 'other/v9' }],
    ['a string', 'signed'],
  ])('is still accepted, without it, when it has %s', (_name, bad) => {
    const outcome = classifyResponse(201, JSON.stringify({ receipt: 'R-1', signed: bad }));
    expect(outcome).toEqual({ kind: 'accepted', receipt: { receipt: 'R-1', signed: undefined } });
  });
});
