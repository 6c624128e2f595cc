import { describe, expect, it } from 'vitest';
import { classifyResponse, parseRetryAfter } from '../../../src/shared/classify-response';

describe('classifyResponse', () => {
  it('accepts a 2xx with a JSON receipt', () => {
    expect(classifyResponse(201, '{"receipt":"R-1","status":"received"}')).toEqual({
      kind: 'accepted',
      receipt: { receipt: 'R-1', status: 'received' },
    });
  });

  it.each([
    ['an HTML page', '<html>captive portal</html>'],
    ['JSON without a receipt', '{"ok":true}'],
    ['an empty receipt', '{"receipt":""}'],
    ['a JSON array', '[]'],
    ['nothing', ''],
  ])('retries a 2xx carrying %s', (_name, body) => {
    expect(classifyResponse(200, body).kind).toBe('retry');
  });

  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(classifyResponse(status, 'busy').kind).toBe('retry');
  });

  it('honours Retry-After in seconds and as a date', () => {
    expect(classifyResponse(429, '', '7')).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    const now = Date.parse('2026-11-24T00:00:00Z');
    expect(parseRetryAfter('Tue, 24 Nov 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 413, 422])('rejects HTTP %i for good with the server message', (status) => {
    expect(classifyResponse(status, '{"error":"report.category: invalid"}')).toEqual({
      kind: 'rejected',
      status,
      message: 'report.category: invalid',
    });
  });

  it('shows the text of a non-JSON rejection without its markup', () => {
    const outcome = classifyResponse(400, '<h1>Bad</h1> <p>request</p>');
    expect(outcome).toMatchObject({ kind: 'rejected', message: 'Bad request' });
  });
});
