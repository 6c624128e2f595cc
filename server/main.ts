/**
 * The reference tip inbox as a command (docs/INBOX.md):
 *   npm run inbox -- --port 8787 --data ./data --token T --reviewer-token R
 *   npm run inbox -- hash-password     (reads a password, prints its scrypt hash for --reviewer-password-hash)
 *   npm run inbox -- receipt-key FILE  (writes a new Ed25519 key for --receipt-key, prints its public key)
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { createInbox, DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_BYTES, DEFAULT_MAX_CONCURRENT_BODIES } from './create-inbox';
import { hashPassword } from './auth';
import { writeReceiptKey } from './receipt-signer';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'host-name': { type: 'string', multiple: true },
    data: { type: 'string' },
    token: { type: 'string' },
    'tokens-file': { type: 'string' },
    'reviewer-token': { type: 'string' },
    'reviewer-user': { type: 'string' },
    'reviewer-password-hash': { type: 'string' },
    'max-bytes': { type: 'string' },
    'body-timeout': { type: 'string' },
    'max-bodies': { type: 'string' },
    'receipt-key': { type: 'string' },
  },
});

/** A password from the terminal without echo, or the first line of stdin when it is not a terminal. */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((done, fail) => {
    let password = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return done(password);
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          return fail(new Error('cancelled'));
        }
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else password += char;
      }
    };
    stdin.on('data', onData);
  });
}

if (positionals[0] === 'hash-password') {
  const password = await readPassword();
  if (password.length < 12) {
    console.error('Use a password of at least 12 characters.');
    process.exit(1);
  }
  console.log(await hashPassword(password));
  process.exit(0);
} else if (positionals[0] === 'receipt-key') {
  const path = positionals[1];
  if (!path) {
    console.error('usage: npm run inbox -- receipt-key <file for the new private key>');
    process.exit(2);
  }
  try {
    const signer = await writeReceiptKey(resolve(path));
    console.error(`Wrote a new Ed25519 receipt key to ${resolve(path)} (readable by you only; back it up, keep it secret).`);
    console.error(`Key id ${signer.keyId}. Its public key, published at /receipt-key once the inbox runs with --receipt-key ${path}:`);
    console.log(signer.publicKeyPem.trimEnd());
    process.exit(0);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EEXIST' ? `${path} exists already; a receipt key is never overwritten (receipts signed with it would no longer verify against the published key).` : `cannot write ${path}: ${code ?? String(error)}`);
    process.exit(1);
  }
} else if (positionals.length) {
  console.error(`unknown command: ${positionals[0]} (the commands are hash-password and receipt-key)`);
  process.exit(2);
}

const env = process.env;
function whole(name: string, value: string | undefined, fallback: number, min: number): number {
  const number = Number(value ?? fallback);
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name}: a whole number, at least ${min}: ${value}`);
  return number;
}
const port = whole('port', values.port ?? env.TIPLINE_INBOX_PORT, 8787, 0);
if (port > 65535) throw new Error(`--port: not a port number: ${port}`);
const maxBytes = whole('max-bytes', values['max-bytes'] ?? env.TIPLINE_INBOX_MAX_BYTES, DEFAULT_MAX_BYTES, 1024);
const bodyTimeout = whole('body-timeout', values['body-timeout'] ?? env.TIPLINE_INBOX_BODY_TIMEOUT, DEFAULT_BODY_TIMEOUT_MS / 1000, 1);
const maxBodies = whole('max-bodies', values['max-bodies'] ?? env.TIPLINE_INBOX_MAX_BODIES, DEFAULT_MAX_CONCURRENT_BODIES, 1);
const hostNames = (values['host-name'] ?? env.TIPLINE_INBOX_HOST_NAMES?.split(',') ?? [])
  .flatMap((name) => name.split(','))
  .map((name) => name.trim())
  .filter(Boolean);
const tokensFile = values['tokens-file'] ?? env.TIPLINE_INBOX_TOKENS_FILE;
const receiptKey = values['receipt-key'] ?? env.TIPLINE_INBOX_RECEIPT_KEY;

const inbox = await createInbox({
  dataDir: resolve(values.data ?? env.TIPLINE_INBOX_DATA ?? 'data'),
  host: values.host ?? env.TIPLINE_INBOX_HOST ?? '127.0.0.1',
  port,
  token: values.token ?? env.TIPLINE_INBOX_TOKEN,
  tokensFile: tokensFile ? resolve(tokensFile) : undefined,
  reviewerToken: values['reviewer-token'] ?? env.TIPLINE_INBOX_REVIEWER_TOKEN,
  reviewerUser: values['reviewer-user'] ?? env.TIPLINE_INBOX_REVIEWER_USER,
  reviewerPasswordHash: values['reviewer-password-hash'] ?? env.TIPLINE_INBOX_REVIEWER_PASSWORD_HASH,
  hostNames: hostNames.length ? hostNames : undefined,
  maxBytes,
  bodyTimeoutMs: bodyTimeout * 1000,
  maxConcurrentBodies: maxBodies,
  receiptKeyFile: receiptKey ? resolve(receiptKey) : undefined,
}).catch((error: unknown) => {
  console.error(`tipline inbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(
  JSON.stringify({
    time: new Date().toISOString(),
    listening: inbox.url,
    endpoint: `${inbox.url}/reports`,
    hostNames: inbox.hostNames,
    submit: inbox.submitOpen ? 'open to anyone on this machine (no submit token)' : 'submit token required',
    reviewers: inbox.reviewable ? 'reviewer credential required' : 'none configured: nobody can read reports over HTTP',
    receipts: inbox.receiptKeyId ? `signed with Ed25519 key ${inbox.receiptKeyId}, public key at ${inbox.url}/receipt-key` : 'not signed (no --receipt-key)',
  }),
);
if (inbox.submitOpen) {
  console.error('\n*** WARNING: no submit token is set. ANYONE ON THIS MACHINE CAN POST REPORTS to this inbox. ***\n*** Set --token or --tokens-file before letting anyone else reach it.                        ***\n');
}

// SIGHUP reads the tokens file again: a token taken out of it is refused from then on.
{
  process.on('SIGHUP', () => {
    inbox.reload().then(
      (count) => console.log(JSON.stringify({ time: new Date().toISOString(), reloaded: tokensFile ?? null, submitTokens: count })),
      (error: unknown) => console.error(JSON.stringify({ time: new Date().toISOString(), reloadFailed: tokensFile, error: error instanceof Error ? error.message : String(error), note: 'the previous tokens stay in force' })),
    );
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void inbox.close().then(() => process.exit(0));
  });
}
