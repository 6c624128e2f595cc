import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, ContentInfo, MessageImprint, PKIStatus, SignedData, TimeStampReq, TimeStampResp, TSTInfo } from 'pkijs';

/*
 * RFC 3161 time-stamp requests and replies, built and read with pkijs/asn1js (no hand-written DER).
 * What a Time-Stamp Authority is sent and why: docs/PROTOCOL.md, "Trusted timestamp".
 */

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';

/** A fresh 64-bit nonce, positive and minimally encoded (first byte 0x01–0x7f), so the TSA echoes the same bytes. */
export function newNonce(): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0] = (nonce[0]! % 0x7f) + 1;
  return nonce;
}

/** A DER TimeStampReq for a SHA-256 digest, with a nonce, asking for the TSA's certificate in the reply. */
export function timeStampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  if (digest.byteLength !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      // With explicit NULL parameters, as `openssl ts -query` writes them.
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: SHA256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest.slice().buffer }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce.slice().buffer }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

export type ReplyReading =
  | { ok: true; genTime: string }
  | { ok: false; problem: 'not-a-reply' | 'not-granted' | 'no-token' | 'imprint-mismatch' | 'nonce-mismatch' | 'bad-signature'; detail: string };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
}

function parseReply(bytes: Uint8Array): TimeStampResp | null {
  const asn1 = asn1js.fromBER(bytes.slice());
  // Trailing bytes after the reply are refused too: the stored reply must be exactly one DER object.
  if (asn1.offset === -1 || asn1.offset !== bytes.byteLength) return null;
  try {
    return new TimeStampResp({ schema: asn1.result });
  } catch {
    return null;
  }
}

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
  const status = reply.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = reply.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    return { ok: false, problem: 'not-granted', detail: `status ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  }
  const token: ContentInfo | undefined = reply.timeStampToken;
  if (!token || token.contentType !== SIGNED_DATA) return { ok: false, problem: 'no-token', detail: 'granted without a SignedData token' };
  let signed: SignedData;
  let info: TSTInfo;
  try {
    signed = new SignedData({ schema: token.content });
    if (signed.encapContentInfo.eContentType !== TST_INFO || !signed.encapContentInfo.eContent) throw new Error('not a TSTInfo');
    info = TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
  } catch (error) {
    return { ok: false, problem: 'no-token', detail: error instanceof Error ? error.message : String(error) };
  }
  const imprint = info.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== SHA256 || !sameBytes(new Uint8Array(imprint.hashedMessage.valueBlock.valueHexView), digest)) {
    return { ok: false, problem: 'imprint-mismatch', detail: 'the token stamps another hash' };
  }
  if (!info.nonce || !sameBytes(new Uint8Array(info.nonce.valueBlock.valueHexView), expected.nonce)) {
    return { ok: false, problem: 'nonce-mismatch', detail: 'the token answers another request' };
  }
  try {
    const verified = await signed.verify({ signer: 0, data: expected.stamped.slice().buffer, checkChain: false, extendedMode: false });
    if (!verified) return { ok: false, problem: 'bad-signature', detail: 'the token signature does not verify' };
  } catch (error) {
    return { ok: false, problem: 'bad-signature', detail: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  }
  return { ok: true, genTime: info.genTime.toISOString() };
}
