import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { reportSchema, REPORT_SCHEMA_ID } from '../src/shared/report';
import { BodyTooLarge, readBody } from './read-body';
import { BadSubmission, parseSubmission } from './parse-submission';
import { isReportFile, listStored, reportDir, storeOnce } from './report-store';
import { inboxPage, PAGE_CSP } from './inbox-page';

export interface InboxOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  maxBytes?: number;
  maxParts?: number;
  log?: (entry: Record<string, unknown>) => void;
}

export interface Inbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};
const SECURITY = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
const FILE_TYPES: Record<string, string> = {
  'report.json': 'application/json',
  'receipt.json': 'application/json',
  'screenshot.png': 'image/png',
  // Served as text: a stored snapshot must never run as a page of the inbox's origin.
  'snapshot.html': 'text/plain; charset=utf-8',
  'snapshot.mhtml': 'text/plain; charset=utf-8',
  SHA256SUMS: 'text/plain; charset=utf-8',
};

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...CORS, ...SECURITY, ...extra });
  res.end(JSON.stringify(body));
}

function tokenMatches(expected: string | undefined, header: string | undefined): boolean {
  if (!expected) return true;
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function createInbox(options: InboxOptions): Promise<Inbox> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxParts = options.maxParts ?? 8;
  const log = options.log ?? ((entry) => console.log(JSON.stringify(entry)));
  await mkdir(options.dataDir, { recursive: true });
  const schema = z.toJSONSchema(reportSchema, { unrepresentable: 'any' });

  async function receive(req: IncomingMessage, res: ServerResponse): Promise<number> {
    let body: Buffer;
    try {
      body = await readBody(req, maxBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        json(res, 413, { error: `body larger than ${maxBytes} bytes` }, { Connection: 'close' });
        req.destroy();
        return 413;
      }
      throw error;
    }
    try {
      const submission = await parseSubmission(body, req.headers['content-type'] ?? '', maxParts);
      const key = req.headers['idempotency-key'];
      if (key !== undefined && key !== submission.report.id) throw new BadSubmission('Idempotency-Key must equal report.id');
      const { receipt, created } = await storeOnce(options.dataDir, submission);
      json(res, created ? 201 : 200, { receipt, status: created ? 'received' : 'already received' });
      return created ? 201 : 200;
    } catch (error) {
      if (error instanceof BadSubmission) {
        json(res, 400, { error: error.message });
        return 400;
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

  function notFound(res: ServerResponse): number {
    json(res, 404, { error: 'not found' });
    return 404;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const url = new URL(req.url ?? '/', 'http://inbox');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' });
      res.end();
      return 204;
    }
    if (path === '/health' && method === 'GET') {
      json(res, 200, { ok: true });
      return 200;
    }
    if (!tokenMatches(options.token, req.headers.authorization)) {
      json(res, 401, { error: 'missing or wrong bearer token' }, { 'WWW-Authenticate': 'Bearer' });
      return 401;
    }
    if (method === 'POST' && (path === '/reports' || path === '/')) return receive(req, res);
    if (method !== 'GET' && method !== 'HEAD') {
      json(res, 405, { error: 'method not allowed' }, { Allow: 'GET, POST, OPTIONS' });
      return 405;
    }
    if (path === '/schema') {
      json(res, 200, schema);
      return 200;
    }
    if (path === '/reports.json') {
      json(res, 200, await listStored(options.dataDir));
      return 200;
    }
    const file = /^\/reports\/([^/]+)\/([^/]+)$/.exec(path);
    if (file) return serveFile(res, decodeURIComponent(file[1]!), decodeURIComponent(file[2]!));
    if (path === '/' || path === '/reports') {
      // "Test connection" asks for JSON and learns the protocol; a person gets the list.
      if ((req.headers.accept ?? '').includes('application/json')) {
        json(res, 200, { protocol: REPORT_SCHEMA_ID });
        return 200;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, ...SECURITY });
      res.end(inboxPage(await listStored(options.dataDir)));
      return 200;
    }
    return notFound(res);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    route(req, res).then(
      (status) => log({ time: new Date().toISOString(), method: req.method, path: new URL(req.url ?? '/', 'http://inbox').pathname, status, ms: Date.now() - started }),
      (error: unknown) => {
        log({ time: new Date().toISOString(), method: req.method, status: 500, error: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
        else res.end();
      },
    );
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    // Finishes requests in flight, then stops: a report being stored is never cut in half.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
