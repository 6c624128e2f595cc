import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Submission } from './parse-submission';

export const receiptFileSchema = z.object({ receipt: z.string(), receivedAt: z.string(), files: z.array(z.string()) });
export type ReceiptFile = z.infer<typeof receiptFileSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The only files a report folder may hold, and so the only names ever served or joined into a path. */
export const REPORT_FILES = new Set(['report.json', 'screenshot.png', 'snapshot.html', 'snapshot.mhtml', 'SHA256SUMS', 'receipt.json']);

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

/** One store call per id at a time in this process; the atomic rename guards against anything else. */
const inFlight = new Map<string, Promise<unknown>>();

export function storeOnce(dataDir: string, submission: Submission): Promise<{ receipt: string; created: boolean }> {
  const id = submission.report.id.toLowerCase();
  const previous = inFlight.get(id) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => store(dataDir, submission));
  inFlight.set(id, next);
  void next.finally(() => {
    if (inFlight.get(id) === next) inFlight.delete(id);
  });
  return next;
}

async function store(dataDir: string, submission: Submission): Promise<{ receipt: string; created: boolean }> {
  const id = submission.report.id;
  const existing = await readReceipt(dataDir, id);
  if (existing) return { receipt: existing.receipt, created: false };
  const temp = join(dataDir, `.incoming-${randomBytes(8).toString('hex')}`);
  await mkdir(temp, { recursive: true });
  try {
    const files: [string, Buffer][] = [['report.json', submission.reportJson], ...submission.parts.map((p) => [p.file, p.bytes] as [string, Buffer])];
    const sums = files.map(([name, bytes]) => `${createHash('sha256').update(bytes).digest('hex')}  ${name}`);
    for (const [name, bytes] of files) await writeFile(join(temp, name), bytes);
    await writeFile(join(temp, 'SHA256SUMS'), `${sums.join('\n')}\n`);
    const receipt: ReceiptFile = { receipt: newReceipt(), receivedAt: new Date().toISOString(), files: files.map(([name]) => name) };
    await writeFile(join(temp, 'receipt.json'), JSON.stringify(receipt, null, 2));
    try {
      await rename(temp, reportDir(dataDir, id));
    } catch {
      // Another process stored the same id first: theirs stands.
      const winner = await readReceipt(dataDir, id);
      if (winner) return { receipt: winner.receipt, created: false };
      throw new Error('could not store the report');
    }
    return { receipt: receipt.receipt, created: true };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

export interface StoredSummary {
  id: string;
  report: Record<string, unknown>;
  receipt: ReceiptFile;
}

/** Newest first; folders that are not whole reports are skipped. */
export async function listStored(dataDir: string): Promise<StoredSummary[]> {
  let names: string[] = [];
  try {
    names = await readdir(dataDir);
  } catch {
    return [];
  }
  const out: StoredSummary[] = [];
  for (const name of names.filter((n) => UUID.test(n))) {
    try {
      const dir = reportDir(dataDir, name);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Record<string, unknown>;
      const receipt = receiptFileSchema.parse(JSON.parse(await readFile(join(dir, 'receipt.json'), 'utf8')));
      out.push({ id: name, report, receipt });
    } catch {
      continue;
    }
  }
  return out.sort((a, b) => b.receipt.receivedAt.localeCompare(a.receipt.receivedAt));
}
