import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { reportSchema, REPORT_SCHEMA_ID } from '../src/shared/report';
import { BodyTimeout, BodyTooLarge, ClientAborted, readBody, TooManyParts } from './read-body';
import { BadSubmission, DEFAULT_MAX_REPORT_BYTES, parseSubmission } from './parse-submission';
import { cleanStaleIncoming, DEFAULT_LIST_LIMIT, IdReused, isReportFile, listStored, MAX_LIST_LIMIT, reportDir, storeOnce } from './report-store';
import { inboxPage, PAGE_CSP } from './inbox-page';
import { oneOf, parseAuthorization, parseBasic, parsePasswordHash, readTokensFile, sameSecret, verifyPassword } from './auth';
import { loadReceiptSigner } from './receipt-signer';
import { RECEIPT_KEY_PATH } from '../src/shared/signed-receipt';

export interface InboxOptions {
  dataDir: string;
  /** The address to listen on; without any submit token only a loopback address is allowed. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** One submit token (`--token`, `TIPLINE_INBOX_TOKEN`). */
  token?: string;
  /** More submit tokens. */
  submitTokens?: readonly string[];
  /** A file of submit tokens, one a line, `#` comments; read at start and again on `reload()`. */
  tokensFile?: string;
  /** A reviewer's bearer token: reads the list and the stored files. */
  reviewerToken?: string;
  /** A reviewer's HTTP Basic user name and scrypt password hash (`npm run inbox -- hash-password`). */
  reviewerUser?: string;
  reviewerPasswordHash?: string;
  /** The names a request's `Host` may carry; by default the listen address, `localhost` and `127.0.0.1`. */
  hostNames?: readonly string[];
  maxBytes?: number;
  maxParts?: number;
  /** The longest `report.json` taken. */
  maxReportBytes?: number;
  /** A request body must arrive whole within this time. */
  bodyTimeoutMs?: number;
  /** Bodies read at once; one more is answered 503 with `Retry-After`. */
  maxConcurrentBodies?: number;
  /** A PEM Ed25519 private key file (`--receipt-key`): receipts are signed with it and its public key published. */
  receiptKeyFile?: string;
  log?: (entry: Record<string, unknown>) => void;
}

export interface Inbox {
  url: string;
  port: number;
  /** True when no submit token is configured: anyone who can reach the port may post (loopback only). */
  submitOpen: boolean;
  /** True when some reviewer credential is configured; otherwise no one reads reports over HTTP. */
  reviewable: boolean;
  hostNames: readonly string[];
  /** The receipt key's id (SHA-256 of its public key, hex) when receipts are signed. */
  receiptKeyId?: string;
  /** Reads the tokens file again (what SIGHUP does in server/main.ts); resolves to the number of submit tokens. */
  reload(): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_CONCURRENT_BODIES = 64;
/** Password checks (scrypt, deliberately slow) running at once; one more is answered 503. */
const MAX_PASSWORD_CHECKS = 4;
const PASSWORD_CACHE_MS = 10 * 60_000;

// No Access-Control-* headers on any answer: the extension posts from its worker with host permissions
// and needs no CORS, and a web page must not be able to read or post to the inbox (docs/SECURITY.md).
const SECURITY = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
const FILE_TYPES: Record<string, string> = {
  'report.json': 'application/json',
  'receipt.json': 'application/json',
  'screenshot.png': 'image/png',
  // Served as text: a stored snapshot must never run as a page of the inbox's origin.
  'snapshot.html': 'text/plain; charset=utf-8',
  'snapshot.mhtml': 'text/plain; charset=utf-8',
  SHA256SUMS: 'text/plain; charset=utf-8',
  'timestamp.tsr': 'application/timestamp-reply',
};

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY, ...extra });
  res.end(JSON.stringify(body));
}

/** Answers, then closes the connection once the answer is out, so the unread rest of a body is never read. */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.once('finish', () => req.destroy());
  res.once('close', () => req.destroy());
  json(res, status, body, { Connection: 'close', ...extra });
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

/** The host name of a `Host` header, lower case, without port, brackets or a trailing dot. */
export function hostNameOf(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const plain = /^([^:\s/@]+?)\.?(?::\d+)?$/.exec(value);
  return plain ? plain[1]! : null;
}

function normalHostName(name: string): string {
  return name.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

class PasswordChecksBusy extends Error {}

type Access = 'none' | 'submit' | 'reviewer';

export async function createInbox(options: InboxOptions): Promise<Inbox> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxParts = options.maxParts ?? 8;
  const maxReportBytes = options.maxReportBytes ?? DEFAULT_MAX_REPORT_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const maxConcurrentBodies = options.maxConcurrentBodies ?? DEFAULT_MAX_CONCURRENT_BODIES;
  const log = options.log ?? ((entry) => console.log(JSON.stringify(entry)));
  const listenHost = options.host ?? '127.0.0.1';

  const fixedTokens = [...(options.token ? [options.token] : []), ...(options.submitTokens ?? [])];
  let fileTokens = options.tokensFile ? await readTokensFile(options.tokensFile) : [];
  // Open only when no submit token was configured at all; a tokens file that is empty admits no one.
  const submitOpen = fixedTokens.length === 0 && !options.tokensFile;
  if (submitOpen && !isLoopback(listenHost)) {
    throw new Error(`refusing to listen on ${listenHost} without a submit token: anyone who can reach it could post reports. Set --token or --tokens-file, or listen on 127.0.0.1.`);
  }
  if ((options.reviewerUser === undefined) !== (options.reviewerPasswordHash === undefined)) {
    throw new Error('--reviewer-user and --reviewer-password-hash go together');
  }
  if (options.reviewerPasswordHash !== undefined) parsePasswordHash(options.reviewerPasswordHash);
  const basicRealm = options.reviewerUser !== undefined;
  const reviewable = Boolean(options.reviewerToken) || basicRealm;

  await mkdir(options.dataDir, { recursive: true });
  const cleaned = await cleanStaleIncoming(options.dataDir);
  if (cleaned.length) log({ time: new Date().toISOString(), cleaned: cleaned.length, note: 'removed temporary folders of writes that never finished' });
  const schema = z.toJSONSchema(reportSchema, { unrepresentable: 'any' });
  const signer = options.receiptKeyFile ? await loadReceiptSigner(options.receiptKeyFile) : undefined;

  let allowedHosts = new Set<string>();
  let activeBodies = 0;
  let passwordChecks = 0;
  const verified = new Map<string, number>(); // SHA-256 of a Basic header that passed → when that expires

  async function basicIsReviewer(credentials: string): Promise<boolean> {
    if (!basicRealm) return false;
    const key = createHash('sha256').update(credentials).digest('hex');
    const until = verified.get(key);
    if (until !== undefined && until > Date.now()) return true;
    const basic = parseBasic(credentials);
    if (!basic) return false;
    const userMatches = sameSecret(basic.user, options.reviewerUser!);
    if (passwordChecks >= MAX_PASSWORD_CHECKS) throw new PasswordChecksBusy();
    passwordChecks++;
    let ok: boolean;
    try {
      ok = (await verifyPassword(basic.password, options.reviewerPasswordHash!)) && userMatches;
    } finally {
      passwordChecks--;
    }
    if (ok) {
      if (verified.size >= 100) verified.clear();
      verified.set(key, Date.now() + PASSWORD_CACHE_MS);
    }
    return ok;
  }

  async function accessOf(req: IncomingMessage): Promise<Access> {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return 'none';
    if (auth.scheme === 'bearer') {
      if (options.reviewerToken && sameSecret(auth.credentials, options.reviewerToken)) return 'reviewer';
      return oneOf(auth.credentials, [...fixedTokens, ...fileTokens]) ? 'submit' : 'none';
    }
    if (auth.scheme === 'basic') return (await basicIsReviewer(auth.credentials)) ? 'reviewer' : 'none';
    return 'none';
  }

  function unauthorized(res: ServerResponse, message: string): number {
    // One challenge a header line: browsers read a Basic challenge most reliably on a line of its own.
    json(res, 401, { error: message }, { 'WWW-Authenticate': basicRealm ? ['Basic realm="Tipline inbox", charset="UTF-8"', 'Bearer'] : 'Bearer' });
    return 401;
  }

  function bodyRefusal(error: unknown): { status: number; message: string } | null {
    if (error instanceof BodyTooLarge) return { status: 413, message: `body larger than ${maxBytes} bytes` };
    if (error instanceof TooManyParts) return { status: 400, message: `too many parts (at most ${maxParts})` };
    if (error instanceof BodyTimeout) return { status: 408, message: `the body did not arrive within ${bodyTimeoutMs} ms` };
    return null;
  }

  /** The status answered, or null when the client went away first. */
  async function receive(req: IncomingMessage, res: ServerResponse): Promise<number | null> {
    if (activeBodies >= maxConcurrentBodies) {
      refuseBody(req, res, 503, { error: 'too many reports arriving at once; try again shortly' }, { 'Retry-After': '5' });
      return 503;
    }
    const contentType = req.headers['content-type'] ?? '';
    let body: Buffer;
    activeBodies++;
    try {
      body = await readBody(req, { maxBytes, maxParts, contentType, timeoutMs: bodyTimeoutMs });
    } catch (error) {
      const refusal = bodyRefusal(error);
      if (refusal) {
        refuseBody(req, res, refusal.status, { error: refusal.message });
        return refusal.status;
      }
      if (error instanceof ClientAborted) {
        req.destroy();
        return null;
      }
      throw error;
    } finally {
      activeBodies--;
    }
    try {
      const submission = await parseSubmission(body, contentType, maxParts, maxReportBytes);
      const key = req.headers['idempotency-key'];
      if (key !== undefined && key !== submission.report.id) throw new BadSubmission('Idempotency-Key must equal report.id');
      const { receipt, created } = await storeOnce(options.dataDir, submission, signer?.sign);
      const signed = receipt.signed ? { signed: receipt.signed } : {};
      json(res, created ? 201 : 200, { receipt: receipt.receipt, status: created ? 'received' : 'already received', ...signed });
      return created ? 201 : 200;
    } catch (error) {
      if (error instanceof BadSubmission) {
        json(res, 400, { error: error.message });
        return 400;
      }
      if (error instanceof IdReused) {
        json(res, 422, { error: error.message });
        return 422;
      }
      throw error;
    }
  }

  async function serveFile(res: ServerResponse, id: string, file: string): Promise<number> {
    if (!isReportFile(file)) return notFound(res);
    let dir: string;
    try {
      dir = reportDir(options.dataDir, id);
    } catch {
      return notFound(res);
    }
    try {
      const bytes = await readFile(join(dir, file));
      res.writeHead(200, { 'Content-Type': FILE_TYPES[file] ?? 'application/octet-stream', 'Content-Security-Policy': "default-src 'none'", ...SECURITY });
      res.end(bytes);
      return 200;
    } catch {
      return notFound(res);
    }
  }

  function notFound(res: ServerResponse, message = 'not found'): number {
    json(res, 404, { error: message });
    return 404;
  }

  function listOptions(url: URL): { limit: number; offset: number } {
    const limit = Number(url.searchParams.get('limit') ?? DEFAULT_LIST_LIMIT);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return {
      limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_LIST_LIMIT) : DEFAULT_LIST_LIMIT,
      offset: Number.isInteger(offset) && offset >= 0 ? offset : 0,
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<number | null> {
    const hostName = hostNameOf(req.headers.host);
    if (hostName === null || !allowedHosts.has(hostName)) {
      json(res, 421, { error: 'this inbox does not answer for that host name' });
      return 421;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://inbox');
    } catch {
      json(res, 400, { error: 'bad request target' });
      return 400;
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { Allow: 'GET, HEAD, POST, OPTIONS', ...SECURITY });
      res.end();
      return 204;
    }
    if (path === '/health' && method === 'GET') {
      json(res, 200, { ok: true });
      return 200;
    }
    if (path === '/schema' && (method === 'GET' || method === 'HEAD')) {
      json(res, 200, schema);
      return 200;
    }
    // A public key is public: open to anyone, like /health, so that a reviewer can fetch it (docs/INBOX.md).
    if ((path === RECEIPT_KEY_PATH || path === `${RECEIPT_KEY_PATH}.json`) && (method === 'GET' || method === 'HEAD')) {
      if (!signer) return notFound(res, 'this inbox does not sign its receipts');
      if (path.endsWith('.json')) {
        json(res, 200, { algorithm: 'Ed25519', keyId: signer.keyId, pem: signer.publicKeyPem, jwk: signer.publicKeyJwk });
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY });
        res.end(signer.publicKeyPem);
      }
      return 200;
    }
    let access: Access;
    try {
      access = await accessOf(req);
    } catch (error) {
      if (!(error instanceof PasswordChecksBusy)) throw error;
      json(res, 503, { error: 'too many sign-ins at once; try again shortly' }, { 'Retry-After': '2' });
      return 503;
    }
    const isList = path === '/' || path === '/reports';
    if (method === 'POST' && isList) {
      if (!submitOpen && access !== 'submit') return unauthorized(res, 'missing or wrong submit token');
      return receive(req, res);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      json(res, 405, { error: 'method not allowed' }, { Allow: 'GET, HEAD, POST, OPTIONS' });
      return 405;
    }
    // "Test connection" asks for JSON and learns the protocol; a person gets the list.
    if (isList && (req.headers.accept ?? '').includes('application/json')) {
      if (!submitOpen && access === 'none') return unauthorized(res, 'missing or wrong bearer token');
      json(res, 200, { protocol: REPORT_SCHEMA_ID });
      return 200;
    }
    const file = /^\/reports\/([^/]+)\/([^/]+)$/.exec(path);
    if (!isList && path !== '/reports.json' && !file) return notFound(res);

    // Everything below reads reports: reviewers only.
    if (access !== 'reviewer') {
      if (!reviewable) {
        json(res, 403, { error: 'no reviewer credential is configured, so reports are read on the server, not over HTTP' });
        return 403;
      }
      if (access === 'submit') {
        json(res, 403, { error: 'a submit token cannot read reports' });
        return 403;
      }
      return unauthorized(res, 'reviewer credentials needed');
    }
    if (file) {
      let id: string;
      let name: string;
      try {
        id = decodeURIComponent(file[1]!);
        name = decodeURIComponent(file[2]!);
      } catch {
        json(res, 400, { error: 'bad %-escape in the path' });
        return 400;
      }
      return serveFile(res, id, name);
    }
    const { limit, offset } = listOptions(url);
    const list = await listStored(options.dataDir, { limit, offset, maxReportBytes });
    if (path === '/reports.json') {
      json(res, 200, { total: list.total, offset, limit, reports: list.items });
      return 200;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, ...SECURITY });
    res.end(inboxPage(list, offset));
    return 200;
  }

  function pathOf(req: IncomingMessage): string {
    return (req.url ?? '/').split('?')[0]!.slice(0, 300);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    const entry = () => ({ time: new Date().toISOString(), method: req.method, path: pathOf(req), ms: Date.now() - started });
    route(req, res).then(
      (status) => log(status === null ? { ...entry(), aborted: true } : { ...entry(), status }),
      (error: unknown) => {
        if (error instanceof ClientAborted || req.destroyed || res.destroyed) {
          log({ ...entry(), aborted: true });
          return;
        }
        log({ ...entry(), status: 500, error: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
        else res.end();
      },
    );
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const hostNames = options.hostNames?.length ? options.hostNames.map(normalHostName) : [normalHostName(listenHost), normalHostName(address), 'localhost', '127.0.0.1'];
  allowedHosts = new Set(hostNames);
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    submitOpen,
    reviewable,
    hostNames: [...allowedHosts],
    receiptKeyId: signer?.keyId,
    async reload() {
      if (options.tokensFile) fileTokens = await readTokensFile(options.tokensFile);
      return fixedTokens.length + fileTokens.length;
    },
    // Finishes requests in flight, then stops: a report being stored is never cut in half.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
