import type { SnapshotDraft, SnapshotResourceKind } from '../shared/protocol/snapshot-draft';
import { inlinedListMarker, isRemoteAddress, resourceToken, resourceTokenPattern, rewriteCss, styleElementText } from '../shared/snapshot-css';
import { fetchSnapshotResource, type FetchedResource, type ResourceFetcher } from './snapshot-fetch';

/**
 * How much the worker fetches into one snapshot (docs/EVIDENCE.md). A hostile page — thousands of
 * pictures, huge ones, a server that never answers — gets placeholders past these, never a report that
 * hangs or a part the endpoint refuses (the reference inbox takes 25 MB per report, screenshot included).
 */
export const SNAPSHOT_INLINE_LIMITS = {
  /** Bytes of one picture, font or stylesheet. */
  resourceBytes: 1024 * 1024,
  /** Characters all data: URIs and stylesheet texts add to the copy, each use counted (about 7.5 MB of pictures). */
  totalChars: 10 * 1024 * 1024,
  /** The whole copy, inlined parts included, in UTF-16 units. */
  finalChars: 24 * 1024 * 1024,
  /** Distinct addresses fetched. */
  fetches: 300,
  /** Fetches under way at once. */
  concurrency: 6,
  /** One fetch. */
  fetchMs: 5_000,
  /** All fetches of one snapshot together. */
  totalMs: 15_000,
  /** `@import`s followed inside fetched stylesheets. */
  importDepth: 3,
};

export type SnapshotInlineLimits = typeof SNAPSHOT_INLINE_LIMITS;

/** What the worker did with the resources, also written into the list at the copy's top. */
export interface InlineSummary {
  inlined: number;
  inlinedChars: number;
  notKept: { url: string; reason: string }[];
}

/** Loopback, private, link-local and unique-local hosts. */
function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '::1' || /^f[cd]|^fe[89ab]/.test(host)) return true;
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

const xmlText = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** An SVG picture saying which image is not in the copy and why; the address is also in data-tipline-original-src. */
export function placeholderImage(url: string, reason: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="56"><rect x="0.5" y="0.5" width="359" height="55" fill="#f2f2f2" stroke="#999"/><text x="8" y="22" font-family="sans-serif" font-size="12" fill="#333">image not kept: ${xmlText(reason)}</text><text x="8" y="42" font-family="monospace" font-size="11" fill="#333">${xmlText(url.slice(0, 500))}</text></svg>`;
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
}

/** Runs at most `limit` tasks at once, in the order they were asked for. */
function pool(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * The snapshot with its pictures, fonts and stylesheets written in: each token of the draft becomes a
 * data: URI (or, for a stylesheet, its text), within `limits`; a picture that is not kept becomes a
 * placeholder naming its address, a CSS url() becomes `none`, a stylesheet becomes empty. The list at
 * the top of the copy says which were kept and which not, and why.
 */
export async function inlineSnapshot(draft: SnapshotDraft, fetcher: ResourceFetcher = fetchSnapshotResource, limits: SnapshotInlineLimits = SNAPSHOT_INLINE_LIMITS): Promise<{ html: string; summary: InlineSummary }> {
  const resources = [...draft.resources];
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error('time limit')), limits.totalMs);
  const run = pool(limits.concurrency);
  const fetched = new Map<string, Promise<FetchedResource>>();
  const pageIsLocal = (() => {
    try {
      return isLocalNetworkHost(new URL(draft.pageUrl).hostname);
    } catch {
      return false;
    }
  })();

  function get(url: string, kind: SnapshotResourceKind): Promise<FetchedResource> {
    const key = `${kind} ${url}`;
    let result = fetched.get(key);
    if (result) return result;
    if (fetched.size >= limits.fetches) return Promise.resolve({ ok: false, reason: `more than ${limits.fetches} resources` });
    let address: URL | null = null;
    try {
      address = new URL(url);
    } catch {
      // Not an address: refused below.
    }
    // Only the web: not the extension's own files nor other schemes, whatever a content script names.
    if (address?.protocol !== 'http:' && address?.protocol !== 'https:') result = Promise.resolve({ ok: false, reason: 'not an http(s) address' });
    // A page must not make the extension read the reporter's own network into a report.
    else if (!pageIsLocal && isLocalNetworkHost(address.hostname)) result = Promise.resolve({ ok: false, reason: 'local network address' });
    else {
      result = run(async () => {
        if (deadline.signal.aborted) return { ok: false, reason: 'time limit' };
        const signal = AbortSignal.any([deadline.signal, AbortSignal.timeout(limits.fetchMs)]);
        try {
          return await fetcher(url, kind, { maxBytes: limits.resourceBytes, signal });
        } catch (error) {
          return { ok: false, reason: signal.aborted ? 'time limit' : error instanceof Error ? error.message.slice(0, 100) : 'failed' };
        }
      });
    }
    fetched.set(key, result);
    return result;
  }

  /** A token for a resource met inside a fetched stylesheet, appended to the list. */
  function token(url: string, kind: SnapshotResourceKind): string {
    resources.push({ url, kind });
    return resourceToken(draft.nonce, resources.length - 1);
  }

  /** A fetched stylesheet's text, its imports put in front and its url()s made tokens. */
  async function loadStyle(url: string, depth: number): Promise<string | null> {
    const result = await get(url, 'style');
    if (!result.ok) return null;
    const imports: string[] = [];
    const resolve = (address: string) => new URL(address, url).href;
    const css = rewriteCss(
      new TextDecoder().decode(result.bytes),
      (address) => {
        if (!isRemoteAddress(address)) return `url("${address.replace(/["\\]/g, '')}")`;
        try {
          return token(resolve(address), 'css-url');
        } catch {
          return 'none';
        }
      },
      (address) => {
        try {
          if (depth < limits.importDepth) imports.push(resolve(address));
        } catch {
          // An address that does not parse loads nothing.
        }
        return '';
      },
    );
    const imported = await Promise.all(imports.map((address) => loadStyle(address, depth + 1)));
    return [...imported.filter((text): text is string => text !== null), css].join('\n');
  }

  try {
    const pattern = () => resourceTokenPattern(draft.nonce);
    // Pictures start downloading while the stylesheets are read.
    for (const resource of draft.resources) if (resource.kind !== 'style') void get(resource.url, resource.kind);
    const styles = new Map<number, string | null>();
    await Promise.all(draft.resources.map(async (resource, index) => {
      if (resource.kind === 'style') styles.set(index, await loadStyle(resource.url, 0));
    }));
    const summary: InlineSummary = { inlined: 0, inlinedChars: 0, notKept: [] };
    let budget = Math.min(limits.totalChars, limits.finalChars - draft.html.length);
    const spend = (text: string): boolean => {
      if (text.length > budget) return false;
      budget -= text.length;
      summary.inlinedChars += text.length;
      return true;
    };
    const withStyles = draft.html.replace(pattern(), (whole, index: string) => {
      const resource = resources[Number(index)];
      if (resource?.kind !== 'style') return whole;
      const css = styles.get(Number(index));
      if (css != null && spend(css)) {
        summary.inlined++;
        return styleElementText(css);
      }
      summary.notKept.push({ url: resource.url, reason: css == null ? 'not fetched' : 'over the snapshot cap' });
      return '';
    });
    const results = await Promise.all(resources.map((resource) => (resource.kind === 'style' ? null : get(resource.url, resource.kind))));
    const counted = new Set<number>();
    const html = withStyles.replace(pattern(), (_whole, index: string) => {
      const at = Number(index);
      const resource = resources[at];
      const result = results[at];
      if (!resource || !result) return '';
      const dataUri = result.ok ? `data:${result.mediaType};base64,${base64(result.bytes)}` : '';
      const kept = result.ok && spend(dataUri);
      if (!counted.has(at)) {
        counted.add(at);
        if (kept) summary.inlined++;
        else summary.notKept.push({ url: resource.url, reason: result.ok ? 'over the snapshot cap' : result.reason });
      }
      const reason = result.ok ? 'over the snapshot cap' : result.reason;
      if (resource.kind === 'image') return kept ? dataUri : placeholderImage(resource.url, reason);
      return kept ? `url(${dataUri})` : 'none';
    });
    return { html: html.replace(inlinedListMarker(draft.nonce), summaryLines(summary, limits)), summary };
  } finally {
    clearTimeout(timer);
    deadline.abort();
  }
}

const comment = (text: string) => text.replace(/--/g, '%2D%2D');

function summaryLines(summary: InlineSummary, limits: SnapshotInlineLimits): string {
  const lines = [
    `- ${summary.inlined} pictures, fonts and stylesheets fetched by the extension (no cookies, no referrer) and written in as data: URIs or <style> text, ${summary.inlinedChars} characters; caps: ${limits.resourceBytes} bytes each, ${limits.totalChars} characters in all, ${limits.fetches} addresses, ${limits.totalMs / 1000} s`,
    `- ${summary.notKept.length} not kept (a placeholder naming the address stands for a picture, "none" for a CSS url()):`,
    ...summary.notKept.slice(0, 200).map(({ url, reason }) => `  ${comment(url.slice(0, 300))} (${comment(reason)})`),
  ];
  return lines.join('\n');
}
