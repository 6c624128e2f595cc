/*
 * The host permission an endpoint needs. Reports leave from the worker, which reaches a host only
 * while the browser grants Tipline access to it: a user who set site access to "on click" or "on
 * specific sites" (Chrome) or revoked it (Firefox's add-on manager) withholds it.
 */

/**
 * The match pattern that covers an endpoint URL: its scheme and host, any port (Firefox's match
 * patterns cannot name a port, and Chrome's without one match every port). Null for a URL that is
 * not http(s).
 */
export function endpointAccessPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The host (and port) of an endpoint URL, for messages. */
export function endpointHost(url: string): string {
  try {
    return new URL(url.trim()).host;
  } catch {
    return url;
  }
}
