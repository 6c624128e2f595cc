/*
 * Evidence held by the report form before it may be stored crosses the worker's messages as base64:
 * Chrome passes messages as JSON, where a Uint8Array would arrive as an object of numbered keys. So does
 * binary data kept in a report record, which the pages read (a trusted timestamp's reply).
 */

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

/** Throws on text that is not base64 (`atob`'s InvalidCharacterError). */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
