import * as asn1js from 'asn1js';
import { algorithm, as, integerBytes, isContext, items, MalformedAsn1, oid, sameBytes } from './asn1-read';

/*
 * The CMS SignedData a Time-Stamp Authority wraps its TSTInfo in (RFC 5652), read with asn1js, and
 * its first signer's signature checked with WebCrypto against the certificate the reply carries.
 * Whether that certificate is one to trust is the verifier's call (docs/PROTOCOL.md). RSA
 * (PKCS #1 v1.5 and PSS) and ECDSA on P-256, P-384 and P-521 are understood: what TSAs sign with.
 */

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
const RSA_WITH: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ECDSA_WITH: Record<string, string> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};
const CURVES: Record<string, { name: string; bytes: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bytes: 32 },
  '1.3.132.0.34': { name: 'P-384', bytes: 48 },
  '1.3.132.0.35': { name: 'P-521', bytes: 66 },
};
const CONTENT_TYPE_ATTR = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST_ATTR = '1.2.840.113549.1.9.4';
const SUBJECT_KEY_ID = '2.5.29.14';

export interface SignedData {
  eContentType: string;
  /** The encapsulated content's octets (for a time-stamp token, the DER TSTInfo); absent when detached. */
  eContent: Uint8Array | undefined;
  certificates: asn1js.AsnType[];
  signerInfos: asn1js.AsnType[];
}

/** SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos } */
export function readSignedData(block: unknown): SignedData {
  const fields = items(block, 'SignedData');
  const encap = items(fields[2], 'EncapsulatedContentInfo');
  const eContentType = oid(encap[0], 'eContentType');
  const explicit = encap[1];
  const eContent = isContext(explicit, 0) ? new Uint8Array(as(items(explicit, 'eContent')[0], asn1js.OctetString, 'eContent').getValue()) : undefined;
  const rest = fields.slice(3);
  const certificates = rest.find((field) => isContext(field, 0));
  const signerInfos = rest.at(-1);
  if (!(signerInfos instanceof asn1js.Set)) throw new MalformedAsn1('SignedData has no signerInfos');
  return { eContentType, eContent, certificates: certificates ? items(certificates, 'certificates') : [], signerInfos: items(signerInfos, 'signerInfos') };
}

interface Certificate {
  issuer: Uint8Array;
  serial: Uint8Array;
  subjectKeyId: Uint8Array | undefined;
  spki: asn1js.Sequence;
}

/** The parts of an X.509 certificate that name it as a signer and hold its key. */
function readCertificate(block: unknown): Certificate | undefined {
  // CertificateChoices also allows attribute certificates and others, tagged [n]: not signers.
  if (!(block instanceof asn1js.Sequence)) return undefined;
  const tbs = items(items(block, 'Certificate')[0], 'TBSCertificate');
  const fields = isContext(tbs[0], 0) ? tbs.slice(1) : tbs;
  const [serial, , issuer, , , spki] = fields;
  const extensions = fields.slice(6).find((field) => isContext(field, 3));
  let subjectKeyId: Uint8Array | undefined;
  for (const extension of extensions ? items(items(extensions, 'extensions')[0], 'Extensions') : []) {
    const parts = items(extension, 'Extension');
    if (oid(parts[0], 'extnID') !== SUBJECT_KEY_ID) continue;
    const value = as(parts.at(-1), asn1js.OctetString, 'extnValue');
    subjectKeyId = new Uint8Array(as(asn1js.fromBER(value.getValue()).result, asn1js.OctetString, 'SubjectKeyIdentifier').getValue());
  }
  return {
    issuer: new Uint8Array(as(issuer, asn1js.Sequence, 'issuer').valueBeforeDecodeView),
    serial: integerBytes(serial, 'serialNumber'),
    subjectKeyId,
    spki: as(spki, asn1js.Sequence, 'subjectPublicKeyInfo'),
  };
}

/** SignerIdentifier ::= CHOICE { IssuerAndSerialNumber, [0] SubjectKeyIdentifier } */
function signerCertificate(sid: unknown, certificates: asn1js.AsnType[]): Certificate {
  const known = certificates.map(readCertificate).filter((cert): cert is Certificate => cert !== undefined);
  let found: Certificate | undefined;
  if (isContext(sid, 0)) {
    const keyId = new Uint8Array(as(sid, asn1js.Primitive, 'subjectKeyIdentifier').valueBlock.valueHexView);
    found = known.find((cert) => cert.subjectKeyId && sameBytes(cert.subjectKeyId, keyId));
  } else {
    const [issuer, serial] = items(sid, 'IssuerAndSerialNumber');
    const issuerBytes = new Uint8Array(as(issuer, asn1js.Sequence, 'issuer').valueBeforeDecodeView);
    const serialBytes = integerBytes(serial, 'serialNumber');
    found = known.find((cert) => sameBytes(cert.issuer, issuerBytes) && sameBytes(cert.serial, serialBytes));
  }
  if (!found) throw new MalformedAsn1('the reply does not carry the signer certificate');
  return found;
}

function hashOf(id: string): string {
  const hash = HASHES[id];
  if (!hash) throw new MalformedAsn1(`unsupported digest algorithm ${id}`);
  return hash;
}

/** RSASSA-PSS-params ::= SEQUENCE { [0] hashAlgorithm DEFAULT sha1, [1] maskGenAlgorithm DEFAULT mgf1SHA1, [2] saltLength DEFAULT 20, … } */
function pssParams(params: asn1js.AsnType | undefined): { hash: string; saltLength: number } {
  const fields = params instanceof asn1js.Sequence ? items(params, 'RSASSA-PSS-params') : [];
  const tagged = (n: number) => fields.find((field) => isContext(field, n));
  const hashField = tagged(0);
  const saltField = tagged(2);
  const hash = hashField ? hashOf(algorithm(items(hashField, 'hashAlgorithm')[0], 'hashAlgorithm').id) : 'SHA-1';
  const saltLength = saltField ? as(items(saltField, 'saltLength')[0], asn1js.Integer, 'saltLength').valueBlock.valueDec : 20;
  return { hash, saltLength };
}

/** An ECDSA-Sig-Value (SEQUENCE { r, s }) as WebCrypto's r ‖ s, each left-padded to the curve's size. */
function rawEcdsaSignature(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size * 2);
  items(asn1js.fromBER(der.slice()).result, 'ECDSA-Sig-Value').forEach((part, index) => {
    let bytes = integerBytes(part, index === 0 ? 'r' : 's');
    while (bytes.byteLength > size && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.byteLength > size) throw new MalformedAsn1('ECDSA signature too long for its curve');
    out.set(bytes, index * size + size - bytes.byteLength);
  });
  return out;
}

async function verifyWithKey(cert: Certificate, signatureAlgorithm: { id: string; params: asn1js.AsnType | undefined }, digestHash: string, signature: Uint8Array, signed: Uint8Array): Promise<boolean> {
  const spkiBytes = cert.spki.valueBeforeDecodeView.slice();
  const keyAlgorithm = algorithm(items(cert.spki, 'subjectPublicKeyInfo')[0], 'subjectPublicKeyInfo algorithm');
  const { id, params } = signatureAlgorithm;
  if (keyAlgorithm.id === EC_PUBLIC_KEY) {
    const curve = CURVES[oid(keyAlgorithm.params, 'namedCurve')];
    if (!curve) throw new MalformedAsn1('unsupported elliptic curve');
    const hash = ECDSA_WITH[id] ?? (id === EC_PUBLIC_KEY ? digestHash : undefined);
    if (!hash) throw new MalformedAsn1(`signature algorithm ${id} does not fit an EC key`);
    const key = await crypto.subtle.importKey('spki', spkiBytes, { name: 'ECDSA', namedCurve: curve.name }, false, ['verify']);
    return crypto.subtle.verify({ name: 'ECDSA', hash }, key, rawEcdsaSignature(signature, curve.bytes), signed.slice());
  }
  if (keyAlgorithm.id === RSA_ENCRYPTION || keyAlgorithm.id === RSA_PSS) {
    if (id === RSA_PSS) {
      const { hash, saltLength } = pssParams(params);
      const key = await crypto.subtle.importKey('spki', spkiBytes, { name: 'RSA-PSS', hash }, false, ['verify']);
      return crypto.subtle.verify({ name: 'RSA-PSS', saltLength }, key, signature.slice(), signed.slice());
    }
    const hash = RSA_WITH[id] ?? (id === RSA_ENCRYPTION ? digestHash : undefined);
    if (!hash) throw new MalformedAsn1(`signature algorithm ${id} does not fit an RSA key`);
    const key = await crypto.subtle.importKey('spki', spkiBytes, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
    return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature.slice(), signed.slice());
  }
  throw new MalformedAsn1(`unsupported public key algorithm ${keyAlgorithm.id}`);
}

/**
 * Checks the first SignerInfo (RFC 5652, 5.4): its signed attributes name the content's type and
 * digest, and its signature over them verifies with the signer's certificate from the reply.
 * Resolves false when the signature or the digest does not match; throws MalformedAsn1 when the
 * structure cannot be read or uses an algorithm not understood here.
 *
 * SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }
 */
export async function verifyFirstSigner(signed: SignedData): Promise<boolean> {
  if (!signed.eContent) throw new MalformedAsn1('the token carries no content');
  const fields = items(signed.signerInfos[0], 'SignerInfo');
  const [, sid, digestAlgorithm, ...rest] = fields;
  const digestHash = hashOf(algorithm(digestAlgorithm, 'digestAlgorithm').id);
  const signedAttrs = isContext(rest[0], 0) ? rest.shift() : undefined;
  const signatureAlgorithm = algorithm(rest[0], 'signatureAlgorithm');
  const signature = new Uint8Array(as(rest[1], asn1js.OctetString, 'signature').getValue());
  const cert = signerCertificate(sid, signed.certificates);
  if (!signedAttrs) return verifyWithKey(cert, signatureAlgorithm, digestHash, signature, signed.eContent);

  const attributes = items(signedAttrs, 'signedAttrs');
  const value = (type: string) => {
    const attribute = attributes.map((attr) => items(attr, 'Attribute')).find(([attrType]) => oid(attrType, 'attrType') === type);
    return attribute ? items(attribute[1], 'attrValues')[0] : undefined;
  };
  const contentType = value(CONTENT_TYPE_ATTR);
  if (contentType !== undefined && oid(contentType, 'content-type') !== signed.eContentType) return false;
  const messageDigest = value(MESSAGE_DIGEST_ATTR);
  if (messageDigest === undefined) throw new MalformedAsn1('signed attributes without a message digest');
  const digest = new Uint8Array(await crypto.subtle.digest(digestHash, signed.eContent.slice()));
  if (!sameBytes(new Uint8Array(as(messageDigest, asn1js.OctetString, 'message-digest').getValue()), digest)) return false;
  // What was signed is the attributes' DER encoding as a SET, not as the [0] they are tagged with here
  // (RFC 5652, 5.4). asn1js re-encodes them from the parsed values, which for DER input gives the same bytes.
  const signedBytes = new Uint8Array(new asn1js.Set({ value: attributes as asn1js.BaseBlock[] }).toBER());
  return verifyWithKey(cert, signatureAlgorithm, digestHash, signature, signedBytes);
}
