import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineSnapshot, SNAPSHOT_INLINE_LIMITS, type SnapshotInlineLimits } from '../../../src/background/snapshot-inline';
import { fetchSnapshotResource, sniffMediaType, type ResourceFetcher } from '../../../src/background/snapshot-fetch';
import type { SnapshotDraft } from '../../../src/shared/protocol/snapshot-draft';

const NONCE = '0123456789abcdef0123456789abcdef';
const token = (index: number) => `tipline-resource-${NONCE}-${index}`;
const PNG = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

function draft(html: string, resources: SnapshotDraft['resources'], pageUrl = 'https://seller.example/offer'): SnapshotDraft {
  return { html: `<!--\ntipline-inlined-${NONCE}\n-->${html}`, nonce: NONCE, pageUrl, resources };
}

/** A server of fixed answers; each fetch is recorded. */
function fakeFetcher(answers: Record<string, { bytes: Uint8Array; type: string } | 'hang'>): { fetcher: ResourceFetcher; asked: string[] } {
  const asked: string[] = [];
  const fetcher: ResourceFetcher = (url, kind, { maxBytes, signal }) => {
    asked.push(url);
    const answer = answers[url];
    if (answer === 'hang') return new Promise((_, fail) => signal.addEventListener('abort', () => fail(new Error('aborted'))));
    if (!answer) return Promise.resolve({ ok: false, reason: 'HTTP 404' });
    if (answer.bytes.byteLength > maxBytes) return Promise.resolve({ ok: false, reason: `larger than ${maxBytes} bytes` });
    const mediaType = sniffMediaType(answer.bytes, answer.type, kind);
    return Promise.resolve(mediaType ? { ok: true, bytes: answer.bytes, mediaType } : { ok: false, reason: 'not an image' });
  };
  return { fetcher, asked };
}

const limits = (change: Partial<SnapshotInlineLimits>): SnapshotInlineLimits => ({ ...SNAPSHOT_INLINE_LIMITS, ...change });

function decodePlaceholder(src: string): string {
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  return Buffer.from(src.split(',')[1]!, 'base64').toString('utf8');
}

describe('inlineSnapshot', () => {
  it('writes pictures in as data: URIs and puts a placeholder naming the address of one over the cap', async () => {
    const { fetcher } = fakeFetcher({ 'https://cdn.example/a.png': { bytes: PNG(100), type: 'image/png' }, 'https://cdn.example/big.png': { bytes: PNG(5000), type: 'image/png' } });
    const { html, summary } = await inlineSnapshot(
      draft(`<img src="${token(0)}"><img src="${token(1)}"><div style="background: ${token(2)}"></div>`, [
        { url: 'https://cdn.example/a.png', kind: 'image' },
        { url: 'https://cdn.example/big.png', kind: 'image' },
        { url: 'https://cdn.example/a.png', kind: 'css-url' },
      ]),
      fetcher,
      limits({ resourceBytes: 1000 }),
    );
    const srcs = [...html.matchAll(/src="([^"]*)"/g)].map((m) => m[1]!);
    expect(srcs[0]).toBe(`data:image/png;base64,${Buffer.from(PNG(100)).toString('base64')}`);
    expect(decodePlaceholder(srcs[1]!)).toContain('https://cdn.example/big.png');
    expect(html).toContain(`background: url(data:image/png;base64,`);
    expect(html).not.toContain('tipline-resource-');
    expect(summary.inlined).toBe(2);
    expect(summary.notKept).toEqual([{ url: 'https://cdn.example/big.png', reason: 'larger than 1000 bytes' }]);
    expect(html).toMatch(/- 1 not kept[^\n]*\n {2}https:\/\/cdn\.example\/big\.png \(larger than 1000 bytes\)/);
  });

  it('stops inlining at the total cap, counting each use, and keeps the copy within it', async () => {
    const answers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`https://cdn.example/${i}.png`, { bytes: PNG(3000), type: 'image/png' }]));
    const { fetcher } = fakeFetcher(answers);
    const resources = Array.from({ length: 10 }, (_, i) => ({ url: `https://cdn.example/${i}.png`, kind: 'image' as const }));
    const body = resources.map((_, i) => `<img src="${token(i)}"><img src="${token(i)}">`).join('');
    const { html, summary } = await inlineSnapshot(draft(body, resources), fetcher, limits({ totalChars: 20_000 }));
    // 3,000 bytes are 4,000 base64 characters: two pictures used twice each fit in 20,000.
    expect(summary.inlined).toBe(2);
    expect(summary.inlinedChars).toBeLessThanOrEqual(20_000);
    expect(summary.notKept).toHaveLength(8);
    expect(summary.notKept[0]).toEqual({ url: 'https://cdn.example/2.png', reason: 'over the snapshot cap' });
    expect((html.match(/data:image\/png/g) ?? []).length).toBe(4);
  });

  it('gives up on a server that never answers within its time limit', async () => {
    const { fetcher } = fakeFetcher({ 'https://slow.example/a.png': 'hang', 'https://slow.example/b.css': 'hang' });
    const started = Date.now();
    const { html, summary } = await inlineSnapshot(
      draft(`<style>${token(1)}</style><img src="${token(0)}">`, [
        { url: 'https://slow.example/a.png', kind: 'image' },
        { url: 'https://slow.example/b.css', kind: 'style' },
      ]),
      fetcher,
      limits({ totalMs: 300, fetchMs: 10_000 }),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(summary.notKept.map((n) => n.reason)).toEqual(['not fetched', 'time limit']);
    expect(html).toContain('<style></style>');
    expect(decodePlaceholder(/src="([^"]*)"/.exec(html)![1]!)).toContain('https://slow.example/a.png');
  });

  it('fetches at most the cap of addresses from a page with thousands of pictures', async () => {
    const { fetcher, asked } = fakeFetcher({});
    const resources = Array.from({ length: 2000 }, (_, i) => ({ url: `https://cdn.example/${i}.png`, kind: 'image' as const }));
    const { summary } = await inlineSnapshot(draft(resources.map((_, i) => `<img src="${token(i)}">`).join(''), resources), fetcher, limits({ fetches: 50 }));
    expect(asked).toHaveLength(50);
    expect(summary.notKept).toHaveLength(2000);
    expect(summary.notKept[1999]!.reason).toBe('more than 50 resources');
  });

  it('writes a stylesheet in with its imports and its url()s, and escapes a closing tag in it', async () => {
    const css = (text: string) => ({ bytes: new TextEncoder().encode(text), type: 'text/css; charset=utf-8' });
    const { fetcher } = fakeFetcher({
      'https://cdn.example/css/site.css': css('@import "base.css";\n.hero { background: url(../img/h.png) } .x::after { content: "</style><script>x()</script>" }'),
      'https://cdn.example/css/base.css': css('body { font-family: F } @font-face { font-family: F; src: url("f.woff2") format("woff2") }'),
      'https://cdn.example/img/h.png': { bytes: PNG(50), type: 'image/png' },
      'https://cdn.example/css/f.woff2': { bytes: new TextEncoder().encode('wOF2 font'), type: 'application/octet-stream' },
    });
    const { html, summary } = await inlineSnapshot(draft(`<style>${token(0)}</style>`, [{ url: 'https://cdn.example/css/site.css', kind: 'style' }]), fetcher);
    expect(html.indexOf('body { font-family: F }')).toBeLessThan(html.indexOf('.hero'));
    expect(html).toContain('background: url(data:image/png;base64,');
    expect(html).toContain('src: url(data:font/woff2;base64,');
    expect(html).toContain('<\\/style><script>');
    expect(html).not.toMatch(/<\/style><script>/);
    expect(summary.notKept).toEqual([]);
  });

  it('takes nothing from the reporter’s own network for a page on the internet, nor a page that is not a picture', async () => {
    const { fetcher, asked } = fakeFetcher({ 'https://cdn.example/fake.png': { bytes: new TextEncoder().encode('<html>hi</html>'), type: 'image/png' } });
    const { summary } = await inlineSnapshot(
      draft(`<img src="${token(0)}"><img src="${token(1)}"><img src="${token(2)}"><img src="${token(3)}"><img src="${token(4)}">`, [
        { url: 'http://192.168.1.1/admin.png', kind: 'image' },
        { url: 'http://127.0.0.1:631/x.png', kind: 'image' },
        { url: 'https://cdn.example/fake.png', kind: 'image' },
        { url: 'chrome-extension://abc/options/index.html', kind: 'image' },
        { url: 'not a url', kind: 'image' },
      ]),
      fetcher,
    );
    expect(asked).toEqual(['https://cdn.example/fake.png']);
    expect(summary.notKept.map((n) => n.reason)).toEqual(['local network address', 'local network address', 'not an image', 'not an http(s) address', 'not an http(s) address']);
  });
});

describe('sniffMediaType', () => {
  it('trusts the bytes, not the declared type', () => {
    expect(sniffMediaType(PNG(10), 'text/html', 'image')).toBe('image/png');
    expect(sniffMediaType(new TextEncoder().encode('<html>'), 'image/png', 'image')).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', 'image')).toBe('image/svg+xml');
    expect(sniffMediaType(new TextEncoder().encode('wOF2'), '', 'image')).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode('wOF2'), '', 'css-url')).toBe('font/woff2');
    expect(sniffMediaType(new TextEncoder().encode('body{}'), 'text/html', 'style')).toBeNull();
  });
});

describe('fetchSnapshotResource', () => {
  let server: Server;
  let origin: string;
  const seen: { url: string; cookie?: string; referer?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', cookie: req.headers.cookie, referer: req.headers.referer });
      if (req.url === '/endless.png') {
        // No length given, and more bytes than any cap: the reader must stop by itself.
        res.writeHead(200, { 'content-type': 'image/png' });
        const chunk = Buffer.alloc(64 * 1024, 1);
        const write = () => {
          while (res.write(chunk));
          res.once('drain', write);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        write();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(PNG(100)));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('reads a picture, and stops reading one past the cap', async () => {
    const ok = await fetchSnapshotResource(`${origin}/a.png`, 'image', { maxBytes: 1000, signal: AbortSignal.timeout(5000) });
    expect(ok).toMatchObject({ ok: true, mediaType: 'image/png' });
    const endless = await fetchSnapshotResource(`${origin}/endless.png`, 'image', { maxBytes: 200_000, signal: AbortSignal.timeout(5000) });
    expect(endless).toEqual({ ok: false, reason: 'larger than 200000 bytes' });
    expect(seen[0]).toEqual({ url: '/a.png', cookie: undefined, referer: undefined });
  });
});
