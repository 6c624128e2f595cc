import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * The inbox's two kinds of credential (docs/INBOX.md, Credentials): submit tokens, which may only post
 * reports and ask the connection check, and reviewer credentials, which read what arrived.
 */

/** Equal-length digests of both sides, so neither the length nor the content of a secret leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when `given` equals one of `tokens`; every token is compared, so the time does not say which. */
export function oneOf(given: string, tokens: readonly string[]): boolean {
  let found = false;
  for (const token of tokens) found = sameSecret(given, token) || found;
  return found;
}

export interface Authorization {
  /** Lower case: the scheme is matched case-insensitively (RFC 9110, section 11.1). */
  scheme: string;
  credentials: string;
}

export function parseAuthorization(header: string | undefined): Authorization | null {
  const match = /^[ \t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]+(\S.*?)[ \t]*$/.exec(header ?? '');
  return match ? { scheme: match[1]!.toLowerCase(), credentials: match[2]! } : null;
}

export function parseBasic(credentials: string): { user: string; password: string } | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(credentials)) return null;
  const text = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Submit tokens from a file: one a line, `#` starts a comment, blank lines are skipped. */
export async function readTokensFile(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0);
}

// scrypt password hashes: `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>`.
const DEFAULT_LOG_N = 15;
const DEFAULT_R = 8;
const DEFAULT_P = 1;
const KEY_LENGTH = 32;

interface ScryptHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export function parsePasswordHash(text: string): ScryptHash {
  const parts = text.trim().split('$');
  const [kind, logN, r, p, salt, hash] = parts;
  const numbers = [Number(logN), Number(r), Number(p)];
  if (parts.length !== 6 || kind !== 'scrypt' || !numbers.every((n) => Number.isInteger(n) && n > 0) || numbers[0]! > 20 || numbers[1]! > 32 || numbers[2]! > 16) {
    throw new Error('not a password hash made by `npm run inbox -- hash-password` (scrypt$<log2 N>$<r>$<p>$<salt>$<hash>)');
  }
  const parsed = { logN: numbers[0]!, r: numbers[1]!, p: numbers[2]!, salt: Buffer.from(salt!, 'base64'), hash: Buffer.from(hash!, 'base64') };
  if (parsed.salt.length < 16 || parsed.hash.length !== KEY_LENGTH) throw new Error('password hash: salt or hash has the wrong length');
  return parsed;
}

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT_LOG_N, DEFAULT_R, DEFAULT_P);
  return ['scrypt', DEFAULT_LOG_N, DEFAULT_R, DEFAULT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  const key = await derive(password, parsed.salt, parsed.logN, parsed.r, parsed.p);
  return timingSafeEqual(key, parsed.hash);
}
