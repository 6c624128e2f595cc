import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resignWithPss, type PssSigning } from './pss-token';

const run = promisify(execFile);

/**
 * A Time-Stamp Authority on 127.0.0.1 for tests: a small HTTP wrapper around Debian's
 * `openssl ts -reply`, with a CA and a TSA certificate (extended key usage timeStamping, critical)
 * made when it starts. `mode` makes it misbehave: `garbage` answers 200 with bytes that are no
 * TimeStampResp, `hang` never answers.
 */
export interface LocalTsa {
  url: string;
  /** The test CA's certificate (PEM), for `openssl ts -verify -CAfile`. */
  caFile: string;
  /** The TSA's own certificate (PEM). */
  tsaCertFile: string;
  /** Requests received so far. */
  requests: Buffer[];
  close(): Promise<void>;
}

export type TsaMode = 'ok' | 'garbage' | 'hang';
/**
 * The TSA's key, and so how it signs: ECDSA P-256, RSA PKCS #1 v1.5, or RSA-PSS (SHA-256 with openssl's
 * longest salt, or SHA-384 with the default salt of 20 bytes, which leaves it out of the parameters).
 * `openssl ts -reply` cannot sign with RSA-PSS: its tokens are signed again with `openssl cms` (pss-token.ts).
 */
export type TsaKey = 'ec' | 'rsa' | 'rsa-pss' | 'rsa-pss-sha384';

export async function openssl(args: readonly string[], cwd?: string): Promise<{ stdout: string; stderr: string }> {
  return run('openssl', args, { cwd, encoding: 'utf8' });
}

const KEY_OPTIONS: Record<TsaKey, string[]> = {
  ec: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
  rsa: ['-newkey', 'rsa:2048', '-nodes'],
  'rsa-pss': ['-newkey', 'rsa:2048', '-nodes'],
  'rsa-pss-sha384': ['-newkey', 'rsa:2048', '-nodes'],
};

const PSS_SIGNING: Partial<Record<TsaKey, PssSigning>> = {
  'rsa-pss': { digest: 'sha256' },
  'rsa-pss-sha384': { digest: 'sha384', saltLength: 20 },
};

async function makeCertificates(dir: string, key: TsaKey): Promise<void> {
  const ec = KEY_OPTIONS.ec;
  await openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Tipline test TSA CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  await openssl(['req', ...KEY_OPTIONS[key], '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Tipline test TSA'], dir);
  await writeFile(join(dir, 'tsa.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await openssl(['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '2', '-extfile', 'tsa.ext'], dir);
  await writeFile(join(dir, 'tsaserial'), '01\n');
  await writeFile(
    join(dir, 'tsa.cnf'),
    `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/tsaserial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  );
}

function readRequest(req: import('node:http').IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startLocalTsa(mode: TsaMode = 'ok', key: TsaKey = 'ec'): Promise<LocalTsa> {
  const dir = await mkdtemp(join(tmpdir(), 'tipline-tsa-'));
  await makeCertificates(dir, key);
  const requests: Buffer[] = [];
  // `openssl ts -reply` bumps the serial file: one reply at a time.
  let queue: Promise<unknown> = Promise.resolve();
  let count = 0;
  const pss = PSS_SIGNING[key];
  const reply = async (query: Buffer): Promise<Uint8Array> => {
    const name = `q${++count}`;
    await writeFile(join(dir, `${name}.tsq`), query);
    await openssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', `${name}.tsq`, '-out', `${name}.tsr`], dir);
    if (pss) return resignWithPss(openssl, dir, name, pss);
    return readFile(join(dir, `${name}.tsr`));
  };
  const server: Server = createServer((req, res) => {
    void readRequest(req).then((query) => {
      requests.push(query);
      if (mode === 'hang') return;
      if (mode === 'garbage') {
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
        res.end(Buffer.from('<html>not a time-stamp reply</html>'));
        return;
      }
      const next = queue.then(() => reply(query));
      queue = next.catch(() => undefined);
      next.then(
        (bytes) => {
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
          res.end(bytes);
        },
        (error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    caFile: join(dir, 'ca.pem'),
    tsaCertFile: join(dir, 'tsa.pem'),
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
