import { z } from 'zod/mini';

/**
 * A tip endpoint's signed receipt (docs/PROTOCOL.md, Signed receipts): an Ed25519 signature over
 * `tipline-receipt/v1\n<id>\n<sha256 of the stored report.json>\n<receivedAt>`, with the fields it
 * covers and where the endpoint publishes its public key. The reference inbox makes it
 * (server/receipt-signer.ts); the extension keeps it with the report and puts it in the evidence package.
 */
export const RECEIPT_MESSAGE_FORMAT = 'tipline-receipt/v1';

/** Where the reference inbox publishes its receipt key, relative to its origin. */
export const RECEIPT_KEY_PATH = '/receipt-key';

const hex64 = () => z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be lowercase hex SHA-256'));

/** Lazy: the worker needs it only once a report is delivered or shown (shared/protocol/lazy-union.ts). */
export const signedReceiptSchema = z.lazy(() =>
  z.object({
    format: z.literal(RECEIPT_MESSAGE_FORMAT),
    algorithm: z.literal('Ed25519'),
    /** The report's id, as in its report.json. */
    id: z.uuid(),
    /** SHA-256 of the report.json bytes the endpoint stored. */
    reportSha256: hex64(),
    /** When the endpoint stored the report, by its clock (ISO 8601 UTC). */
    receivedAt: z.iso.datetime(),
    /** The 64-byte Ed25519 signature, base64. */
    signature: z.base64().check(z.maxLength(100)),
    /** SHA-256 of the public key's DER SubjectPublicKeyInfo, which tells keys apart after a change of key. */
    keyId: hex64(),
    /** Where the public key is published: absolute, or relative to the endpoint URL as the endpoint answers it. */
    keyUrl: z.string().check(z.minLength(1), z.maxLength(2048)),
  }),
);
export type SignedReceipt = z.infer<typeof signedReceiptSchema>;

/** The exact text the signature covers: four lines joined by `\n`, no newline at the end, UTF-8. */
export function receiptMessage(fields: Pick<SignedReceipt, 'id' | 'reportSha256' | 'receivedAt'>): string {
  return `${RECEIPT_MESSAGE_FORMAT}\n${fields.id}\n${fields.reportSha256}\n${fields.receivedAt}`;
}
