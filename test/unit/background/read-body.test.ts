import { describe, expect, it } from 'vitest';
import { readBodyPrefix, readLimited } from '../../../src/background/read-body';

/** A body that never ends, counting how much of it was asked for. */
function endless() {
  let pulled = 0;
  const chunk = new TextEncoder().encode('x'.repeat(1024));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('reading a response body up to a limit', () => {
  it('stops reading a body that never ends at the limit, and says it was cut', async () => {
    const { response, pulled } = endless();
    const { text, complete } = await readBodyPrefix(response, 64 * 1024);
    expect(text).toHaveLength(64 * 1024);
    expect(complete).toBe(false);
    // A few chunks of read-ahead at most, not the body.
    expect(pulled()).toBeLessThan(70);
    expect(await readLimited(endless().response, 10_000)).toBeNull();
  });

  it('reads a body within the limit whole', async () => {
    expect(await readBodyPrefix(new Response('{"receipt":"r-1"}'), 64 * 1024)).toEqual({ text: '{"receipt":"r-1"}', complete: true });
    expect(await readLimited(new Response('收到'), 6)).toBe('收到');
    expect(await readLimited(new Response('收到了'), 6)).toBeNull();
  });
});
