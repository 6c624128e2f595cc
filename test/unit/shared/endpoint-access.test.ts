import { describe, expect, it } from 'vitest';
import { endpointAccessPattern, endpointHost } from '../../../src/shared/endpoint-access';

describe('the host permission an endpoint needs', () => {
  it('is the scheme and host, any port: Firefox patterns cannot name a port', () => {
    expect(endpointAccessPattern('https://tips.example.org/reports?x=1')).toBe('https://tips.example.org/*');
    expect(endpointAccessPattern(' http://127.0.0.1:8787/reports ')).toBe('http://127.0.0.1/*');
    expect(endpointAccessPattern('http://[::1]:8787/r')).toBe('http://[::1]/*');
  });

  it('is none for what cannot be an endpoint', () => {
    expect(endpointAccessPattern('ftp://files.example.org/')).toBeNull();
    expect(endpointAccessPattern('not a url')).toBeNull();
    expect(endpointAccessPattern('')).toBeNull();
  });

  it('names the host and port in messages', () => {
    expect(endpointHost('http://127.0.0.1:8787/reports')).toBe('127.0.0.1:8787');
    expect(endpointHost('nonsense')).toBe('nonsense');
  });
});
