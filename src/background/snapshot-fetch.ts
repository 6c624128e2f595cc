import type { SnapshotResourceKind } from '../shared/protocol/snapshot-draft';
import { readBytesPrefix } from './read-body';

/** What a fetch for the snapshot gave: bytes of a type the copy may hold, or why not. */
export type FetchedResource = { ok: true; bytes: Uint8Array; mediaType: string } | { ok: false; reason: string };

export type ResourceFetcher = (url: string, kind: SnapshotResourceKind, options: { maxBytes: number; signal: AbortSignal }) => Promise<FetchedResource>;

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x42, 0x4d], 'image/bmp'],
  [[0x00, 0x00, 0x01, 0x00], 'image/x-icon'],
  [[0x77, 0x4f, 0x46, 0x32], 'font/woff2'],
  [[0x77, 0x4f, 0x46, 0x46], 'font/woff'],
  [[0x4f, 0x54, 0x54, 0x4f], 'font/otf'],
  [[0x00, 0x01, 0x00, 0x00], 'font/ttf'],
];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The media type the bytes are, by their first bytes rather than the server's word: a server that calls
 * an HTML page `image/png` gets no data: URI. SVG has no magic number and is taken on its declared type
 * (a picture in <img> or CSS runs no script and loads nothing). Null for anything else.
 */
export function sniffMediaType(bytes: Uint8Array, declared: string, kind: SnapshotResourceKind): string | null {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (kind === 'style') return type === 'text/css' ? 'text/css' : null;
  let found: string | null = null;
  for (const [magic, mediaType] of MAGIC) if (startsWith(bytes, magic)) found ??= mediaType;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) found = 'image/webp';
  if (startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8))) found = 'image/avif';
  if (!found && type === 'image/svg+xml') found = 'image/svg+xml';
  // A font is only of use in CSS (@font-face); an element's picture must be an image.
  if (found?.startsWith('font/') && kind !== 'css-url') return null;
  return found;
}

/**
 * Fetches one image, font or stylesheet for the snapshot, from the worker. Not from the content script:
 * in Chromium its fetch is the page's own and another origin's image is unreadable without CORS, and a
 * picture drawn on a canvas taints it (and would be re-encoded, not the server's bytes). The worker's
 * host permission lets it read the response in Chromium and Firefox alike.
 *
 * `credentials: 'omit'`: the copy must not act as the reporter's session on the seller's site. With
 * cookies, the request at the moment of reporting would come from the reporter's account there, which
 * tells the seller who looked; a picture shown only to a signed-in user is left out instead (a
 * placeholder names its address). No referrer is sent either. The server still sees one request per
 * resource from the reporter's address (docs/PRIVACY.md).
 */
export const fetchSnapshotResource: ResourceFetcher = async (url, kind, { maxBytes, signal }) => {
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'force-cache', redirect: 'follow', signal });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `HTTP ${response.status}` };
  }
  const declaredLength = Number(response.headers.get('content-length'));
  if (declaredLength > maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: response.body ? `larger than ${maxBytes} bytes` : 'empty' };
  }
  const { bytes, complete } = await readBytesPrefix(response.body, maxBytes);
  if (!complete) return { ok: false, reason: `larger than ${maxBytes} bytes` };
  const mediaType = sniffMediaType(bytes, response.headers.get('content-type') ?? '', kind);
  return mediaType ? { ok: true, bytes, mediaType } : { ok: false, reason: `not an image, font or stylesheet (${(response.headers.get('content-type') ?? 'no type').slice(0, 60)})` };
};
