/**
 * A response body read up to a limit, and the rest left unread: a server may omit or lie about its
 * length, and `response.text()` would hold gigabytes in the worker before any check could cut them.
 */
export async function readBodyPrefix(response: Response, limit: number): Promise<{ text: string; complete: boolean }> {
  if (!response.body) {
    const text = await response.text();
    return { text: text.slice(0, limit), complete: text.length <= limit };
  }
  const { bytes, complete } = await readBytesPrefix(response.body, limit);
  return { text: new TextDecoder().decode(bytes), complete };
}

/** A stream's first `limit` bytes; the rest is never downloaded. */
export async function readBytesPrefix(body: ReadableStream<Uint8Array>, limit: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let complete = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - total));
      total = limit;
      complete = false;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, complete };
}

/** The body as text, or null once it grows past `limit` bytes. */
export async function readLimited(response: Response, limit: number): Promise<string | null> {
  const { text, complete } = await readBodyPrefix(response, limit);
  return complete ? text : null;
}

/** A redirect answer, as `redirect: 'manual'` gives it to a worker (opaque), or one a fetch followed anyway. */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || response.redirected || (response.status >= 300 && response.status < 400);
}
