import { describe, expect, it } from 'vitest';
import { allowedHeaders, provenanceForPage, sameDocument, type Navigation } from '../../../src/background/provenance';
import { MAX_HEADER_VALUE } from '../../../src/shared/provenance';

function navigation(change: Partial<Navigation> = {}): Navigation {
  return {
    requestId: '17',
    redirects: [
      { url: 'http://alice:secret@shop.example/start', status: 302 },
      { url: 'https://shop.example/hop', status: 301 },
    ],
    final: { url: 'https://shop.example/item/9?x=1', status: 200, ip: '203.0.113.7', headers: { date: 'Sun, 06 Dec 2026 08:00:00 GMT', server: 'nginx' } },
    ...change,
  };
}

describe('allowedHeaders', () => {
  it('keeps the six allow-listed headers, named in lower case, and nothing else', () => {
    const kept = allowedHeaders([
      { name: 'Date', value: 'Sun, 06 Dec 2026 08:00:00 GMT' },
      { name: 'Server', value: 'nginx' },
      { name: 'Content-Type', value: 'text/html; charset=utf-8' },
      { name: 'Content-Length', value: '1234' },
      { name: 'Last-Modified', value: 'Sat, 05 Dec 2026 08:00:00 GMT' },
      { name: 'ETag', value: '"abc"' },
      { name: 'Set-Cookie', value: 'session=reporter' },
      { name: 'X-Test-Hop', value: 'final' },
      { name: 'Location', value: 'https://elsewhere.example/' },
    ]);
    expect(kept).toEqual({
      date: 'Sun, 06 Dec 2026 08:00:00 GMT',
      server: 'nginx',
      'content-type': 'text/html; charset=utf-8',
      'content-length': '1234',
      'last-modified': 'Sat, 05 Dec 2026 08:00:00 GMT',
      etag: '"abc"',
    });
  });

  it('joins a header sent twice, and leaves out one given only as bytes or too long to keep whole', () => {
    expect(allowedHeaders([{ name: 'server', value: 'a' }, { name: 'SERVER', value: 'b' }])).toEqual({ server: 'a, b' });
    expect(allowedHeaders([{ name: 'date' }])).toEqual({});
    expect(allowedHeaders([{ name: 'etag', value: 'x'.repeat(MAX_HEADER_VALUE + 1) }, { name: 'server', value: 'ok' }])).toEqual({ server: 'ok' });
    expect(allowedHeaders(undefined)).toEqual({});
  });
});

describe('sameDocument', () => {
  it('sets the fragment and credentials aside, nothing else', () => {
    expect(sameDocument('https://shop.example/item/9', 'https://shop.example/item/9#reviews')).toBe(true);
    expect(sameDocument('https://bob:pw@shop.example/item/9', 'https://shop.example/item/9')).toBe(true);
    expect(sameDocument('https://shop.example/item/9', 'https://shop.example/item/9?page=2')).toBe(false);
    expect(sameDocument('https://shop.example/item/9', 'https://shop.example/item/10')).toBe(false);
    expect(sameDocument('http://shop.example/item/9', 'https://shop.example/item/9')).toBe(false);
    expect(sameDocument('not a url', 'not a url')).toBe(false);
  });
});

describe('provenanceForPage', () => {
  it('gives the chain, status, address and headers of a navigation that ended on the page, without credentials', () => {
    expect(provenanceForPage(navigation(), 'https://shop.example/item/9?x=1#photos')).toEqual({
      redirects: [
        { url: 'http://shop.example/start', status: 302 },
        { url: 'https://shop.example/hop', status: 301 },
      ],
      status: 200,
      ip: '203.0.113.7',
      headers: { date: 'Sun, 06 Dec 2026 08:00:00 GMT', server: 'nginx' },
    });
  });

  it('gives none for another page (a route change), a navigation under way or none seen', () => {
    expect(provenanceForPage(navigation(), 'https://shop.example/item/10')).toBeUndefined();
    expect(provenanceForPage(navigation({ final: undefined }), 'https://shop.example/item/9?x=1')).toBeUndefined();
    expect(provenanceForPage(undefined, 'https://shop.example/item/9?x=1')).toBeUndefined();
  });

  it('leaves the address out when the browser gave none (a cached response)', () => {
    const cached = navigation({ final: { url: 'https://shop.example/', status: 200, headers: {} } });
    expect(provenanceForPage(cached, 'https://shop.example/')).toEqual({ redirects: cached.redirects.map((hop) => ({ ...hop, url: hop.url.replace('alice:secret@', '') })), status: 200, headers: {} });
  });
});
