/**
 * The store zips (dist/tipline-<browser>-<version>.zip): the same files give the same bytes, on any
 * machine, so an uploaded package can be rebuilt from its commit and compared.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

/** 1980-01-01 00:00:00, the earliest time a zip entry can hold. */
const ZIP_EPOCH_SECONDS = 315_532_800;

/**
 * The time every entry carries: `SOURCE_DATE_EPOCH` (seconds, UTC) when it is set, else 1980-01-01.
 * fflate writes an entry's DOS time from the Date's local-time fields, so the UTC wall-clock time is
 * handed over as a local Date: the archive then holds the same time whatever the build machine's time zone.
 */
export function zipTime(sourceDateEpoch = process.env.SOURCE_DATE_EPOCH): Date {
  const seconds = sourceDateEpoch && /^\d+$/.test(sourceDateEpoch) ? Math.max(Number(sourceDateEpoch), ZIP_EPOCH_SECONDS) : ZIP_EPOCH_SECONDS;
  const utc = new Date(seconds * 1000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

/** Zips the files in path order (plain code-unit order, not the locale's) with one fixed time. */
export function zipFiles(files: Record<string, Uint8Array>, mtime: Date = zipTime()): Uint8Array {
  const sorted: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) sorted[name] = data;
  return zipSync(sorted, { level: 9, mtime });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

/** Zips every file under `dir` (paths relative to it, with forward slashes) into `target`; returns its size. */
export async function zipFolder(dir: string, target: string): Promise<number> {
  const files: Record<string, Uint8Array> = {};
  for (const file of await filesUnder(dir)) files[relative(dir, file).split('\\').join('/')] = await readFile(file);
  const zipped = zipFiles(files);
  await writeFile(target, zipped);
  return zipped.byteLength;
}
