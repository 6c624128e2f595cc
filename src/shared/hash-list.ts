import { reportJson, type Report } from './report';
import { sha256Hex } from './hash';

/** The file name each evidence part is sent and stored under (protocol v1's multipart file names, the package's entries). */
export const PART_FILES: Record<string, string> = {
  'image/png': 'screenshot.png',
  'text/html': 'snapshot.html',
  'multipart/related': 'snapshot.mhtml',
};

export interface HashedFile {
  name: string;
  sha256: string;
}

/**
 * A SHA256SUMS text: one `<hex>  <name>` line per file, sorted by name in code-unit order (as
 * `LC_ALL=C sort`), each ending in a newline. `sha256sum -c` reads it, and a trusted timestamp
 * stamps the SHA-256 of exactly this text (docs/PROTOCOL.md, "Trusted timestamp").
 */
export function hashListText(files: readonly HashedFile[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((file) => `${file.sha256}  ${file.name}\n`).join('');
}

/** The hash list of a report as it is sent: its `report.json` bytes and each declared evidence part. */
export async function reportHashList(report: Report): Promise<string> {
  const files: HashedFile[] = [{ name: 'report.json', sha256: await sha256Hex(reportJson(report)) }];
  for (const entry of report.evidence) files.push({ name: PART_FILES[entry.mediaType] ?? entry.part, sha256: entry.sha256 });
  return hashListText(files);
}
