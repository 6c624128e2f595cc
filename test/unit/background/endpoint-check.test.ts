import { describe, expect, it } from 'vitest';
import { checkEndpoint } from '../../../src/background/endpoint-check';

const endpoint = { url: 'https://tips.example.org/reports', token: 't' };

describe('checkEndpoint', () => {
  it('asks without following redirects, and names a redirect as the problem', async () => {
    let asked: RequestInit | undefined;
    const redirecting = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      asked = init;
      return new Response(null, { status: 301, headers: { location: 'https://elsewhere.example/' } });
    }) as typeof fetch;
    const result = await checkEndpoint(endpoint, redirecting);
    expect(asked?.redirect).toBe('manual');
    expect(result).toMatchObject({ ok: false, problem: 'http-error' });
    expect(result.ok ? '' : result.detail).toContain('redirect');
  });

  it('accepts an endpoint that speaks protocol v1', async () => {
    const speaking = (async () => new Response(JSON.stringify({ protocol: 'tipline.report/v1' }), { status: 200 })) as typeof fetch;
    expect(await checkEndpoint(endpoint, speaking)).toEqual({ ok: true });
  });
});
