/*
 * Rewrites of CSS text for the inert page snapshot (docs/EVIDENCE.md, snapshot.html), shared by the
 * content script, which marks what the copy would load, and the worker, which inlines it. Plain string
 * functions: no zod and no DOM, so the content script's bundle stays small.
 */

/** `url(…)` with or without quotes. The address cannot hold the quote it is wrapped in. */
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi;
/** `@import url(…) media;` or `@import "…" media;`: the media list is dropped with the rule. */
const CSS_IMPORT = /@import\s+(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|"([^"]*)"|'([^']*)')[^;]*;?/gi;

/**
 * The text with every `@import` given to `onImport` and every `url()` to `onUrl`; each returns what
 * stands in the rule's or the function's place. Addresses are given as written (not resolved).
 */
export function rewriteCss(css: string, onUrl: (url: string) => string, onImport: (url: string) => string): string {
  const imported = css.replace(CSS_IMPORT, (_whole, a?: string, b?: string, c?: string, d?: string, e?: string) => onImport((a ?? b ?? c ?? d ?? e ?? '').trim()));
  return imported.replace(CSS_URL, (whole, a?: string, b?: string, c?: string) => {
    const url = (a ?? b ?? c ?? '').trim();
    return url === '' ? whole : onUrl(url);
  });
}

/**
 * CSS put inside a `<style>` element of an HTML file: `</style` would end the element and let the rest
 * be read as markup, so its slash is escaped (the CSS means the same where it may stand, in a string).
 */
export function styleElementText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/** Whether an address is one the snapshot would have to load: not empty, not a fragment, not data:. */
export function isRemoteAddress(value: string): boolean {
  const url = value.trim();
  return url !== '' && !url.startsWith('#') && !/^data:/i.test(url);
}

/** The copy's length before inlining, in UTF-16 units: larger would not fit a message. */
export const MAX_SNAPSHOT_CHARS = 20 * 1024 * 1024;

/** At most this many resources are named per snapshot; a page with more keeps the rest unloaded. */
export const SNAPSHOT_MAX_RESOURCES = 2_000;

/** Where a resource stands in the copy until the worker inlines it; the nonce is random per snapshot. */
export function resourceToken(nonce: string, index: number): string {
  return `tipline-resource-${nonce}-${index}`;
}

/** Every token of one snapshot, with its index in the first group. */
export function resourceTokenPattern(nonce: string): RegExp {
  return new RegExp(`tipline-resource-${nonce}-(\\d+)`, 'g');
}

/** Where the worker writes what it inlined and what it left out, inside the list at the copy's top. */
export function inlinedListMarker(nonce: string): string {
  return `tipline-inlined-${nonce}`;
}
