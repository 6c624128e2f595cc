import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How `openssl cms -sign` signs with RSA-PSS: the message digest, and a salt length if not openssl's default (the longest). */
export interface PssSigning {
  digest: 'sha256' | 'sha384' | 'sha512';
  saltLength?: number;
}

type Openssl = (args: readonly string[], cwd?: string) => Promise<unknown>;

const ID_CT_TST_INFO = '1.2.840.113549.1.9.16.1.4';
/** PKIStatusInfo ::= SEQUENCE { status PKIStatus (0: granted) } */
const STATUS_GRANTED = Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00);

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

function sequence(...parts: Uint8Array[]): Uint8Array {
  const content = Buffer.concat(parts);
  return new Uint8Array(Buffer.concat([Uint8Array.of(0x30, ...derLength(content.length)), content]));
}

/**
 * `openssl ts -reply` signs with PKCS #1 v1.5 or ECDSA only: this takes the TSTInfo of the reply
 * `name.tsr` in `dir`, signs it again with the TSA's RSA key (`tsa.pem`, `tsa.key`) using RSA-PSS
 * through `openssl cms -sign`, and wraps that token in a granted TimeStampResp. The token carries no
 * ESS signing-certificate attribute, so `openssl ts -verify` refuses it; `openssl cms -verify` checks it.
 */
export async function resignWithPss(openssl: Openssl, dir: string, name: string, signing: PssSigning): Promise<Uint8Array> {
  await openssl(['ts', '-reply', '-in', `${name}.tsr`, '-token_out', '-out', `${name}.token`], dir);
  // The token's signature is openssl's own, so only its content is wanted here: -noverify skips the chain.
  await openssl(['cms', '-verify', '-noverify', '-inform', 'DER', '-in', `${name}.token`, '-binary', '-out', `${name}.tst`], dir);
  const salt = signing.saltLength === undefined ? [] : ['-keyopt', `rsa_pss_saltlen:${signing.saltLength}`];
  await openssl(
    ['cms', '-sign', '-binary', '-nodetach', '-nosmimecap', '-outform', 'DER', '-in', `${name}.tst`, '-signer', 'tsa.pem', '-inkey', 'tsa.key',
      '-md', signing.digest, '-keyopt', 'rsa_padding_mode:pss', ...salt, '-econtent_type', ID_CT_TST_INFO, '-out', `${name}.pss`],
    dir,
  );
  return sequence(STATUS_GRANTED, new Uint8Array(await readFile(join(dir, `${name}.pss`))));
}
