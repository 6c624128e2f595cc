import type { IncomingMessage } from 'node:http';

export class BodyTooLarge extends Error {}
export class TooManyParts extends Error {}
export class BodyTimeout extends Error {}
/** The client went away before its body was read whole: logged as an abort, never answered as a failure. */
export class ClientAborted extends Error {}

export interface ReadBodyOptions {
  maxBytes: number;
  /** Multipart parts allowed; counted while the body streams in, when the Content-Type names a boundary. */
  maxParts?: number;
  contentType?: string;
  /** The whole body must arrive within this many milliseconds. */
  timeoutMs?: number;
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function multipartBoundary(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]!) : null;
}

/**
 * Counts the parts of a multipart body chunk by chunk: every delimiter (`--boundary` at the very start or
 * after CRLF) that is not the closing one (`--boundary--`) opens a part. Keeps only a short tail between
 * chunks, so a delimiter split across two chunks is still seen once.
 */
export class PartCounter {
  private readonly delimiter: Buffer;
  /** Not yet judged bytes carried over from the previous chunk; before the first chunk, a virtual CRLF. */
  private tail = Buffer.from('\r\n');
  parts = 0;

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  push(chunk: Buffer): number {
    const buffer = Buffer.concat([this.tail, chunk]);
    let from = 0;
    for (;;) {
      const at = buffer.indexOf(this.delimiter, from);
      if (at < 0) break;
      const after = at + this.delimiter.length;
      if (after + 2 > buffer.length) {
        // Cannot tell yet whether this is the closing delimiter: judge it with the next chunk.
        this.tail = Buffer.from(buffer.subarray(at));
        return this.parts;
      }
      if (!(buffer[after] === 0x2d && buffer[after + 1] === 0x2d)) this.parts += 1;
      from = after;
    }
    // Keep enough to see a delimiter that starts here and ends in the next chunk, and nothing already judged.
    this.tail = Buffer.from(buffer.subarray(Math.max(from, buffer.length - this.delimiter.length)));
    return this.parts;
  }
}

/**
 * Reads a request body, giving up as soon as it passes the byte limit or opens one part too many: an
 * oversize body is never buffered whole. Gives up too when the body takes longer than its time limit, and
 * tells a client that went away from a failure.
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, maxParts, timeoutMs } = options;
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLarge());
  const boundary = maxParts === undefined ? null : multipartBoundary(options.contentType ?? '');
  const counter = boundary ? new PartCounter(boundary) : null;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => fail(new BodyTimeout()), timeoutMs);
    function cleanup(): void {
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    }
    function fail(error: Error): void {
      if (settled) return;
      cleanup();
      req.pause();
      reject(error);
    }
    function onData(chunk: Buffer): void {
      total += chunk.length;
      if (total > maxBytes) return fail(new BodyTooLarge());
      if (counter && maxParts !== undefined && counter.push(chunk) > maxParts) return fail(new TooManyParts());
      chunks.push(chunk);
    }
    function onEnd(): void {
      if (settled) return;
      cleanup();
      resolve(Buffer.concat(chunks, total));
    }
    function onError(): void {
      fail(new ClientAborted());
    }
    function onClose(): void {
      if (!req.complete) fail(new ClientAborted());
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
