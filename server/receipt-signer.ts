import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { RECEIPT_KEY_PATH, receiptMessage, type SignedReceipt } from '../src/shared/signed-receipt';

/** Signs the inbox's receipts with one Ed25519 key (docs/INBOX.md, Signed receipts; docs/PROTOCOL.md). */
export interface ReceiptSigner {
  /** SHA-256 (hex) of the public key's DER SubjectPublicKeyInfo. */
  keyId: string;
  /** The public key as `-----BEGIN PUBLIC KEY-----` PEM, which `openssl pkeyutl -verify -pubin` reads. */
  publicKeyPem: string;
  /** The public key as a JWK (RFC 8037: `kty` OKP, `crv` Ed25519, `x`). */
  publicKeyJwk: Record<string, unknown>;
  sign(fields: Pick<SignedReceipt, 'id' | 'reportSha256' | 'receivedAt'>): SignedReceipt;
}

export class ReceiptKeyError extends Error {}

export function receiptSigner(privateKey: KeyObject): ReceiptSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ReceiptKeyError(`the receipt key must be an Ed25519 private key, not ${privateKey.asymmetricKeyType ?? 'unknown'} ${privateKey.type}`);
  }
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  return {
    keyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyJwk: { ...publicKey.export({ format: 'jwk' }), kid: keyId, use: 'sig', alg: 'EdDSA' },
    sign(fields) {
      // Ed25519 hashes the message itself: Node takes `null` as the digest for it.
      const signature = sign(null, Buffer.from(receiptMessage(fields), 'utf8'), privateKey).toString('base64');
      return { format: 'tipline-receipt/v1', algorithm: 'Ed25519', ...fields, signature, keyId, keyUrl: RECEIPT_KEY_PATH };
    },
  };
}

/** Reads a PKCS#8 PEM Ed25519 private key (what `openssl genpkey -algorithm ed25519` and `writeReceiptKey` write). */
export async function loadReceiptSigner(path: string): Promise<ReceiptSigner> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ReceiptKeyError(`cannot read the receipt key ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new ReceiptKeyError(`${path} holds no private key in PEM (make one with: npm run inbox -- receipt-key ${path})`);
  }
  return receiptSigner(key);
}

/** Writes a new Ed25519 private key as PKCS#8 PEM, readable by its owner only; never overwrites a file. */
export async function writeReceiptKey(path: string): Promise<ReceiptSigner> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return receiptSigner(privateKey);
}
