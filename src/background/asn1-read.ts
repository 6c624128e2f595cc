import * as asn1js from 'asn1js';

/*
 * Small readers over asn1js's parsed blocks, for the RFC 3161 reply and its CMS signature
 * (rfc3161.ts, cms-signature.ts): each takes a block and the type it must be, and throws a
 * `MalformedAsn1` naming what was expected, so a reader walks a structure without casts.
 */

export class MalformedAsn1 extends Error {}

/** Parses exactly one DER/BER object: trailing bytes, or none at all, are refused. */
export function parseOne(bytes: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(bytes.slice());
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) throw new MalformedAsn1('not one DER object');
  return parsed.result;
}

export function as<T extends asn1js.BaseBlock>(block: unknown, type: abstract new (...args: never[]) => T, what: string): T {
  if (!(block instanceof type)) throw new MalformedAsn1(`${what} is not what RFC 3161/5652 put there`);
  return block;
}

/** The elements of a SEQUENCE or SET (or a context-tagged constructed block, `[n] IMPLICIT SET OF`). */
export function items(block: unknown, what: string): asn1js.AsnType[] {
  return as(block, asn1js.Constructed, what).valueBlock.value as asn1js.AsnType[];
}

/** Whether `block` carries the context-specific tag `[n]`. */
export function isContext(block: unknown, n: number): block is asn1js.Constructed | asn1js.Primitive {
  return block instanceof asn1js.BaseBlock && block.idBlock.tagClass === 3 && block.idBlock.tagNumber === n;
}

export function oid(block: unknown, what: string): string {
  return as(block, asn1js.ObjectIdentifier, what).valueBlock.toString();
}

/** An INTEGER's content octets as they were encoded (two's complement, big-endian). */
export function integerBytes(block: unknown, what: string): Uint8Array {
  return new Uint8Array(as(block, asn1js.Integer, what).valueBlock.valueHexView);
}

/** An AlgorithmIdentifier's OID and its parameters, if any. */
export function algorithm(block: unknown, what: string): { id: string; params: asn1js.AsnType | undefined } {
  const [id, params] = items(block, what);
  return { id: oid(id, what), params };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
}
