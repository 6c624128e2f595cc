/** Credentials in a URL (`user:pass@`) never leave the browser (Suspicious Site Reporter's removeUserInfo). */
export function stripUserInfo(raw: string): string {
  try {
    const url = new URL(raw);
    if (!url.username && !url.password) return raw;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return raw;
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

export type EndpointUrlProblem = 'invalid' | 'scheme' | 'insecure' | 'credentials';

/** Reports go over https; plain http only to this machine, where nothing crosses a network. */
export function checkEndpointUrl(raw: string): EndpointUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? null : 'insecure';
  return 'scheme';
}

/** Pages where no extension may run or capture (browser UI, stores). */
export function isRestrictedUrl(raw: string | undefined): boolean {
  if (!raw) return true;
  if (/^(chrome|edge|about|moz-extension|chrome-extension|devtools|view-source|chrome-search|resource):/i.test(raw)) return true;
  try {
    const { hostname, pathname } = new URL(raw);
    if (hostname === 'chromewebstore.google.com') return true;
    if (hostname === 'chrome.google.com' && pathname.startsWith('/webstore')) return true;
    if (hostname === 'addons.mozilla.org') return true;
  } catch {
    return true;
  }
  return false;
}

export function siteOf(raw: string): string {
  try {
    return new URL(raw).hostname;
  } catch {
    return '';
  }
}
