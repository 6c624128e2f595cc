import * as asn1js from 'asn1js';
import { algorithm, as, integerBytes, isContext, items, MalformedAsn1, oid, parseOne, sameBytes } from './asn1-read';
import { readSignedData, verifyFirstSigner, type SignedData } from './cms-signature';

/*
 * RFC 3161 time-stamp requests and replies, built and read with asn1js (no hand-written DER); the
 * token's CMS signature is checked in cms-signature.ts. asn1js alone, not a PKI library: the worker's
 * bundle is parsed and compiled at every start, and a smaller one answers the extension's pages sooner
 * (README, Performance). What a Time-Stamp Authority is sent and why: docs/PROTOCOL.md, "Trusted timestamp".
 */

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';
/** PKIStatus: granted (0) and grantedWithMods (1) carry a token. */
const GRANTED = [0, 1];

/** A fresh 64-bit nonce, positive and minimally encoded (first byte 0x01–0x7f), so the TSA echoes the same bytes. */
export function newNonce(): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = (nonce[0]! % 0x7f) + 1;
  return nonce;
}

/**
 * A DER TimeStampReq for a SHA-256 digest, with a nonce, asking for the TSA's certificate in the reply.
 * TimeStampReq ::= SEQUENCE { version INTEGER (v1), messageImprint, reqPolicy OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE, … }
 */
export function timeStampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  if (digest.byteLength !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  const request = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Sequence({
        value: [
          // With explicit NULL parameters, as `openssl ts -query` writes them.
          new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: SHA256 }), new asn1js.Null()] }),
          new asn1js.OctetString({ valueHex: digest.slice() }),
        ],
      }),
      new asn1js.Integer({ valueHex: nonce.slice() }),
      new asn1js.Boolean({ value: true }),
    ],
  });
  return new Uint8Array(request.toBER());
}

export type ReplyReading =
  | { ok: true; genTime: string }
  | { ok: false; problem: 'not-a-reply' | 'not-granted' | 'no-token' | 'imprint-mismatch' | 'nonce-mismatch' | 'bad-signature'; detail: string };

interface Reply {
  status: number;
  statusText: string;
  token: asn1js.AsnType | undefined;
}

/**
 * TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo OPTIONAL }
 * PKIStatusInfo ::= SEQUENCE { status INTEGER, statusString SEQUENCE OF UTF8String OPTIONAL, failInfo BIT STRING OPTIONAL }
 * Trailing bytes after the reply are refused too: the stored reply must be exactly one DER object.
 */
function parseReply(bytes: Uint8Array): Reply | null {
  try {
    const [statusInfo, token, ...extra] = items(as(parseOne(bytes), asn1js.Sequence, 'TimeStampResp'), 'TimeStampResp');
    if (extra.length > 0) return null;
    const [status, texts] = items(as(statusInfo, asn1js.Sequence, 'PKIStatusInfo'), 'PKIStatusInfo');
    const statusText = texts instanceof asn1js.Sequence ? items(texts, 'statusString').map((text) => as(text, asn1js.Utf8String, 'statusString').valueBlock.value).join('; ') : '';
    return { status: as(status, asn1js.Integer, 'status').valueBlock.valueDec, statusText, token };
  } catch {
    return null;
  }
}

/** ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }: the token's SignedData, which must encapsulate a TSTInfo. */
function tokenSignedData(token: asn1js.AsnType): SignedData {
  const [contentType, content] = items(as(token, asn1js.Sequence, 'ContentInfo'), 'ContentInfo');
  if (oid(contentType, 'contentType') !== SIGNED_DATA || !isContext(content, 0)) throw new MalformedAsn1('granted without a SignedData token');
  const signed = readSignedData(items(content, 'content')[0]);
  if (signed.eContentType !== TST_INFO || !signed.eContent) throw new MalformedAsn1('not a TSTInfo');
  return signed;
}

interface TstInfo {
  hashAlgorithm: string;
  hashedMessage: Uint8Array;
  genTime: Date;
  nonce: Uint8Array | undefined;
}

/**
 * TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime GeneralizedTime,
 *   accuracy SEQUENCE OPTIONAL, ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL, [0] tsa OPTIONAL, [1] extensions OPTIONAL }
 */
function readTstInfo(der: Uint8Array): TstInfo {
  const fields = items(as(parseOne(der), asn1js.Sequence, 'TSTInfo'), 'TSTInfo');
  const [, , imprint, , genTime, ...optional] = fields;
  const [hashAlgorithm, hashedMessage] = items(imprint, 'messageImprint');
  // After genTime, the only untagged INTEGER is the nonce.
  const nonce = optional.find((field) => field instanceof asn1js.Integer);
  return {
    hashAlgorithm: algorithm(hashAlgorithm, 'hashAlgorithm').id,
    hashedMessage: new Uint8Array(as(hashedMessage, asn1js.OctetString, 'hashedMessage').getValue()),
    genTime: as(genTime, asn1js.GeneralizedTime, 'genTime').toDate(),
    nonce: nonce ? integerBytes(nonce, 'nonce') : undefined,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * Reads a TimeStampResp and checks it answers our request: status granted, a token whose TSTInfo
 * carries the SHA-256 of `stamped` (the bytes whose digest was sent) and our nonce, and a signature
 * that verifies with the certificate the reply carries. Whether that certificate is one to trust is
 * the verifier's call (docs/PROTOCOL.md).
 */
export async function readTimeStampReply(bytes: Uint8Array, expected: { stamped: Uint8Array; nonce: Uint8Array }): Promise<ReplyReading> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', expected.stamped.slice()));
  const reply = parseReply(bytes);
  if (!reply) return { ok: false, problem: 'not-a-reply', detail: 'the answer is not a DER TimeStampResp' };
  if (!GRANTED.includes(reply.status)) {
    return { ok: false, problem: 'not-granted', detail: `status ${reply.status}${reply.statusText ? `: ${reply.statusText.slice(0, 200)}` : ''}` };
  }
  if (!reply.token) return { ok: false, problem: 'no-token', detail: 'granted without a SignedData token' };
  let signed: SignedData;
  let info: TstInfo;
  try {
    signed = tokenSignedData(reply.token);
    info = readTstInfo(signed.eContent!);
  } catch (error) {
    return { ok: false, problem: 'no-token', detail: message(error) };
  }
  if (info.hashAlgorithm !== SHA256 || !sameBytes(info.hashedMessage, digest)) {
    return { ok: false, problem: 'imprint-mismatch', detail: 'the token stamps another hash' };
  }
  if (!info.nonce || !sameBytes(info.nonce, expected.nonce)) {
    return { ok: false, problem: 'nonce-mismatch', detail: 'the token answers another request' };
  }
  try {
    if (!(await verifyFirstSigner(signed))) return { ok: false, problem: 'bad-signature', detail: 'the token signature does not verify' };
  } catch (error) {
    return { ok: false, problem: 'bad-signature', detail: message(error) };
  }
  return { ok: true, genTime: info.genTime.toISOString() };
}
