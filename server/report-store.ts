import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { reportSchema } from '../src/shared/report';
import { signedReceiptSchema, type SignedReceipt } from '../src/shared/signed-receipt';
import { hashListText } from '../src/shared/hash-list';
import { DEFAULT_MAX_REPORT_BYTES, jsonDepthExceeds, MAX_JSON_DEPTH, TIMESTAMP_FILE, type Submission } from './parse-submission';

export const receiptFileSchema = z.object({
  receipt: z.string(),
  receivedAt: z.string(),
  files: z.array(z.string()),
  /** Present when the inbox signs receipts (receipt-signer.ts): made once, answered to every repeat. */
  signed: z.optional(signedReceiptSchema),
});
export type ReceiptFile = z.infer<typeof receiptFileSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The only files a report folder may hold, and so the only names ever served or joined into a path. */
export const REPORT_FILES = new Set(['report.json', 'screenshot.png', 'snapshot.html', 'snapshot.mhtml', 'SHA256SUMS', 'receipt.json', TIMESTAMP_FILE]);

export function reportDir(dataDir: string, id: string): string {
  if (!UUID.test(id)) throw new Error('not a report id');
  return join(dataDir, id.toLowerCase());
}

export function isReportFile(name: string): boolean {
  return REPORT_FILES.has(name);
}

export async function readReceipt(dataDir: string, id: string): Promise<ReceiptFile | null> {
  try {
    return receiptFileSchema.parse(JSON.parse(await readFile(join(reportDir(dataDir, id), 'receipt.json'), 'utf8')));
  } catch {
    return null;
  }
}

function newReceipt(): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `TL-${day}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** A report id already stored with other bytes: the stored evidence stands, the new post is refused (422). */
export class IdReused extends Error {}

/** One store call per id at a time in this process; the atomic rename guards against anything else. */
const inFlight = new Map<string, Promise<unknown>>();

/** Signs a receipt's fields; the inbox passes one when it has a receipt key. */
export type SignReceipt = (fields: Pick<SignedReceipt, 'id' | 'reportSha256' | 'receivedAt'>) => SignedReceipt;

export function storeOnce(dataDir: string, submission: Submission, sign?: SignReceipt): Promise<{ receipt: ReceiptFile; created: boolean }> {
  const id = submission.report.id.toLowerCase();
  const previous = inFlight.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => store(dataDir, submission, sign));
  inFlight.set(id, next);
  next
    .finally(() => {
      if (inFlight.get(id) === next) inFlight.delete(id);
    })
    .catch(() => undefined); // the caller handles the failure; this chain only tidies up

  return next;
}

const TEMP_PREFIX = '.incoming-';

/**
 * Removes the temporary folders a write left behind when its process was killed. Run at start: one inbox
 * process per data folder (docs/INBOX.md, Data layout).
 */
export async function cleanStaleIncoming(dataDir: string): Promise<string[]> {
  const stale = (await readdir(dataDir)).filter((name) => name.startsWith(TEMP_PREFIX));
  for (const name of stale) await rm(join(dataDir, name), { recursive: true, force: true });
  return stale;
}

async function writeSynced(path: string, bytes: Buffer | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a folder's entries (new files, a rename into it) durable. Some systems cannot sync a folder; there it is skipped. */
async function syncDir(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sumsOf(submission: Submission): Map<string, string> {
  const files: [string, Buffer][] = [['report.json', submission.reportJson], ...submission.parts.map((p) => [p.file, p.bytes] as [string, Buffer])];
  return new Map(files.map(([name, bytes]) => [name, sha256(bytes)]));
}

/** True when the stored folder holds exactly the submission's report.json and parts, judged by their SHA-256. */
async function sameAsStored(dir: string, expected: Map<string, string>): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
  } catch {
    return false;
  }
  const stored = new Map(
    text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => {
        const [hash, name] = line.split('  ');
        return [name ?? '', hash ?? ''] as [string, string];
      }),
  );
  if (stored.size !== expected.size) return false;
  for (const [name, hash] of expected) if (stored.get(name) !== hash) return false;
  return true;
}

/** True when the stored timestamp (or its absence) is the submission's: a retry sends the same bytes. */
async function sameTimestamp(dir: string, timestamp: Buffer | undefined): Promise<boolean> {
  let stored: Buffer | undefined;
  try {
    stored = await readFile(join(dir, TIMESTAMP_FILE));
  } catch {
    stored = undefined;
  }
  return stored === undefined || timestamp === undefined ? stored === timestamp : stored.equals(timestamp);
}

async function existingAnswer(dataDir: string, id: string, expected: Map<string, string>, timestamp?: Buffer): Promise<{ receipt: ReceiptFile; created: false } | null> {
  const existing = await readReceipt(dataDir, id);
  if (!existing) return null;
  const dir = reportDir(dataDir, id);
  if (!(await sameAsStored(dir, expected)) || !(await sameTimestamp(dir, timestamp))) throw new IdReused('this report id was already used for a different report');
  return { receipt: existing, created: false };
}

async function store(dataDir: string, submission: Submission, sign?: SignReceipt): Promise<{ receipt: ReceiptFile; created: boolean }> {
  const id = submission.report.id;
  const expected = sumsOf(submission);
  const already = await existingAnswer(dataDir, id, expected, submission.timestamp);
  if (already) return already;
  const temp = join(dataDir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  await mkdir(temp, { recursive: true });
  try {
    const files: [string, Buffer][] = [['report.json', submission.reportJson], ...submission.parts.map((p) => [p.file, p.bytes] as [string, Buffer])];
    for (const [name, bytes] of files) await writeSynced(join(temp, name), bytes);
    // Sorted by name, the text a trusted timestamp stamps: `openssl ts -verify -data SHA256SUMS` (docs/PROTOCOL.md).
    await writeSynced(join(temp, 'SHA256SUMS'), hashListText(files.map(([name]) => ({ name, sha256: expected.get(name)! }))));
    if (submission.timestamp) await writeSynced(join(temp, TIMESTAMP_FILE), submission.timestamp);
    const stored = [...files.map(([name]) => name), ...(submission.timestamp ? [TIMESTAMP_FILE] : [])];
    const receivedAt = new Date().toISOString();
    // Over the report.json bytes as stored, which are the bytes received (docs/PROTOCOL.md, Signed receipts).
    const signed = sign?.({ id, reportSha256: expected.get('report.json')!, receivedAt });
    const receipt: ReceiptFile = { receipt: newReceipt(), receivedAt, files: stored, ...(signed ? { signed } : {}) };
    await writeSynced(join(temp, 'receipt.json'), JSON.stringify(receipt, null, 2));
    // The files and the folder's entries are on disk before the rename, and the rename is after it.
    await syncDir(temp);
    try {
      await rename(temp, reportDir(dataDir, id));
    } catch {
      // Another process stored the same id first: theirs stands.
      const winner = await existingAnswer(dataDir, id, expected, submission.timestamp);
      if (winner) return winner;
      throw new Error('could not store the report');
    }
    await syncDir(dataDir);
    return { receipt, created: true };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

const MAX_RECEIPT_BYTES = 64 * 1024;
/** How long a text field may be in the listing; the whole value is in the report's own report.json. */
export const LISTED_TEXT = 2000;
export const LISTED_MATCHES = 20;

function cut(value: string | undefined, max = LISTED_TEXT): string | undefined {
  return value === undefined || value.length <= max ? value : `${value.slice(0, max)}…`;
}

/** The part of a report the listing shows: known fields only, each bounded, so no report can swell or break the list. */
export interface ListedReport {
  id: string;
  createdAt: string;
  category: string;
  page: { url: string; title: string; capturedAt: string };
  listing?: { text?: string; linkUrl?: string };
  note: string;
  reporter: { contact: string } | null;
  matches: { phrase: string; category: string; count: number }[];
  matchCount: number;
  evidence: { part: string; mediaType: string; bytes: number; sha256: string }[];
  client: { name: string; version: string; browser: string };
}

export interface StoredSummary {
  id: string;
  receipt: ReceiptFile;
  /** null when report.json could not be read as a report (then `problem` says why); the files are still served. */
  report: ListedReport | null;
  problem?: string;
}

function listed(bytes: Buffer): ListedReport {
  if (jsonDepthExceeds(bytes, MAX_JSON_DEPTH)) throw new Error(`report.json nests deeper than ${MAX_JSON_DEPTH} levels`);
  const report = reportSchema.parse(JSON.parse(bytes.toString('utf8')));
  return {
    id: report.id,
    createdAt: report.createdAt,
    category: report.category,
    page: { url: cut(report.page.url)!, title: cut(report.page.title)!, capturedAt: report.page.capturedAt },
    ...(report.listing ? { listing: { text: cut(report.listing.text), linkUrl: cut(report.listing.linkUrl) } } : {}),
    note: cut(report.note)!,
    reporter: report.reporter ? { contact: cut(report.reporter.contact, 500)! } : null,
    matches: report.matches.slice(0, LISTED_MATCHES),
    matchCount: report.matches.length,
    evidence: report.evidence,
    client: report.client,
  };
}

async function readSmall(path: string, max: number): Promise<Buffer> {
  const { size } = await stat(path);
  if (size > max) throw new Error(`${size} bytes, more than ${max}`);
  return readFile(path);
}

export interface ListOptions {
  /** At most this many reports, newest first. */
  limit?: number;
  offset?: number;
  maxReportBytes?: number;
}

export const DEFAULT_LIST_LIMIT = 200;
export const MAX_LIST_LIMIT = 1000;

/** Newest first, `limit` of them from `offset`; folders without a readable receipt are not whole reports and are skipped. */
export async function listStored(dataDir: string, options: ListOptions = {}): Promise<{ total: number; items: StoredSummary[] }> {
  const limit = Math.min(options.limit ?? DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT);
  const maxReportBytes = options.maxReportBytes ?? DEFAULT_MAX_REPORT_BYTES;
  let names: string[] = [];
  try {
    names = await readdir(dataDir);
  } catch {
    return { total: 0, items: [] };
  }
  const receipts: { id: string; receipt: ReceiptFile }[] = [];
  for (const name of names.filter((n) => UUID.test(n))) {
    try {
      const receipt = receiptFileSchema.parse(JSON.parse((await readSmall(join(reportDir(dataDir, name), 'receipt.json'), MAX_RECEIPT_BYTES)).toString('utf8')));
      receipts.push({ id: name, receipt });
    } catch {
      continue;
    }
  }
  receipts.sort((a, b) => b.receipt.receivedAt.localeCompare(a.receipt.receivedAt));
  const page = receipts.slice(options.offset ?? 0, (options.offset ?? 0) + limit);
  const items: StoredSummary[] = [];
  for (const { id, receipt } of page) {
    try {
      items.push({ id, receipt, report: listed(await readSmall(join(reportDir(dataDir, id), 'report.json'), maxReportBytes)) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      items.push({ id, receipt, report: null, problem: `report.json could not be listed: ${reason.slice(0, 200)}` });
    }
  }
  return { total: receipts.length, items };
}
