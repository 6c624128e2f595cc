import type { SnapshotDraft, SnapshotResourceKind } from '../shared/protocol/snapshot-draft';
import { inlinedListMarker, isRemoteAddress, MAX_SNAPSHOT_CHARS, resourceToken, rewriteCss, SNAPSHOT_MAX_RESOURCES, styleElementText } from '../shared/snapshot-css';

export { MAX_SNAPSHOT_CHARS };

/** Removed outright: they run code, embed other documents, or load or redirect on their own (links left after the stylesheets became <style>). */
const DROP = 'script, noscript, iframe, frame, object, embed, template, base, meta[http-equiv], link';

/** Attributes that name a URL the browser would load or go to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'background', 'data', 'xlink:href', 'cite', 'longdesc', 'ping']);
/** Characters a browser skips inside a URL's scheme ("java\tscript:"): controls and whitespace. */
// eslint-disable-next-line no-control-regex -- the control characters are what is being stripped
const SCHEME_NOISE = /[\u0000-\u0020\u007f]+/g;
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript):|^data:(?:text\/html|application\/xhtml|image\/svg)/i;
/** How many of the original addresses the snapshot's change list names. */
const LISTED_URLS = 200;
/** Depth of readable `@import`s followed on the page; deeper ones are left to the worker. */
const IMPORT_DEPTH = 4;

/** What the copy changed, for the list at its top: an investigator must know the copy is not the page. */
interface Changes {
  removedElements: number;
  removedHandlers: number;
  scriptUrls: number;
  remoteUrls: string[];
  remoteUrlCount: number;
}

/** The images, stylesheets and CSS url()s the copy names by token, for the worker to inline. */
class Resources {
  readonly nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  readonly list: SnapshotDraft['resources'] = [];
  private readonly seen = new Map<string, number>();

  /** The token standing for `url` (resolved against `base`), or null when it is not http(s) or too many were named. */
  token(url: string, base: string, kind: SnapshotResourceKind): string | null {
    let absolute: URL;
    try {
      absolute = new URL(url, base);
    } catch {
      return null;
    }
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') return null;
    const key = `${kind} ${absolute.href}`;
    let index = this.seen.get(key);
    if (index === undefined) {
      if (this.list.length >= SNAPSHOT_MAX_RESOURCES) return null;
      index = this.list.length;
      this.list.push({ url: absolute.href, kind });
      this.seen.set(key, index);
    }
    return resourceToken(this.nonce, index);
  }
}

/** An address made absolute, or null when it does not parse (a page's bad href must not fail the snapshot). */
function absoluteUrl(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

function noteRemote(changes: Changes, url: string): void {
  changes.remoteUrlCount++;
  if (changes.remoteUrls.length < LISTED_URLS) changes.remoteUrls.push(url.slice(0, 300));
}

/**
 * Style text with every url() and @import replaced by a token (or `none` where none can be given); an
 * attribute's style (`inAttribute`) can hold no stylesheet text, and its @import is dropped.
 */
function tokenisedCss(css: string, base: string, changes: Changes, resources: Resources, inAttribute = false): string {
  return rewriteCss(
    css,
    (url) => {
      if (!isRemoteAddress(url)) return `url("${url.replace(/["\\]/g, '')}")`;
      noteRemote(changes, url);
      return resources.token(url, base, 'css-url') ?? 'none';
    },
    (url) => {
      noteRemote(changes, url);
      return inAttribute ? '' : resources.token(url, base, 'style') ?? '';
    },
  );
}

/**
 * A stylesheet's rules as the browser parsed them (also rules a script inserted, which the element's
 * text lacks), or null when it is another origin's and cannot be read here.
 */
function sheetCss(sheet: CSSStyleSheet, base: string, changes: Changes, resources: Resources, depth = 0): string | null {
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return null;
  }
  const parts: string[] = [];
  for (const rule of rules) {
    if (depth < IMPORT_DEPTH && typeof CSSImportRule !== 'undefined' && rule instanceof CSSImportRule) {
      const href = absoluteUrl(rule.href, base);
      const inner = rule.styleSheet && href ? sheetCss(rule.styleSheet, href, changes, resources, depth + 1) : null;
      if (inner !== null) {
        const media = rule.media.mediaText;
        parts.push(media ? `@media ${media} {\n${inner}\n}` : inner);
        continue;
      }
    }
    parts.push(tokenisedCss(rule.cssText, base, changes, resources));
  }
  return parts.join('\n');
}

/** Pairs each element of the copy with the page's own, before anything is removed from the copy. */
function pairElements(live: Element, copy: Element): Map<Element, Element> {
  const pairs = new Map<Element, Element>([[copy, live]]);
  const liveAll = live.querySelectorAll('*');
  const copyAll = copy.querySelectorAll('*');
  copyAll.forEach((element, index) => {
    const original = liveAll[index];
    if (original) pairs.set(element, original);
  });
  return pairs;
}

/** Whether an attribute names the picture an element shows (inlined), rather than an address to follow. */
function isPictureAttribute(element: Element, name: string): boolean {
  const tag = element.localName;
  if (name === 'src') return tag === 'img' || (tag === 'input' && element.getAttribute('type')?.toLowerCase() === 'image');
  if (name === 'poster') return tag === 'video';
  return tag === 'image' && (name === 'href' || name === 'xlink:href');
}

/** The address of the picture the page shows for an element: for an <img>, the one its srcset chose. */
function shownPicture(live: Element | undefined, value: string): string {
  if (live instanceof HTMLImageElement && live.currentSrc) return live.currentSrc;
  return value;
}

function neutraliseAttributes(element: Element, live: Element | undefined, base: string, changes: Changes, resources: Resources): void {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value;
    if (name.startsWith('on')) {
      changes.removedHandlers++;
      element.removeAttribute(attribute.name);
    } else if (name === 'srcset' || name === 'imagesrcset') {
      noteRemote(changes, value);
      element.setAttribute('data-tipline-original-srcset', value);
      element.removeAttribute(attribute.name);
    } else if (name === 'style') {
      element.setAttribute(attribute.name, tokenisedCss(value, base, changes, resources, true));
    } else if (URL_ATTRIBUTES.has(name)) {
      if (SCRIPT_SCHEME.test(value.replace(SCHEME_NOISE, ''))) {
        changes.scriptUrls++;
        if (name === 'href' || name === 'xlink:href') element.setAttribute(attribute.name, '#');
        else element.removeAttribute(attribute.name);
      } else if (isRemoteAddress(value)) {
        noteRemote(changes, value);
        element.setAttribute(`data-tipline-original-${name.replace(':', '-')}`, value);
        const token = isPictureAttribute(element, name) ? resources.token(shownPicture(live, value), base, 'image') : null;
        if (token) element.setAttribute(attribute.name, token);
        else if (name === 'href' || name === 'xlink:href') element.setAttribute(attribute.name, '#');
        else element.removeAttribute(attribute.name);
      }
    }
  }
  // An <img> that showed a picture from its srcset alone gets that picture.
  if (element.localName === 'img' && !element.hasAttribute('src') && live instanceof HTMLImageElement && live.currentSrc) {
    const token = resources.token(live.currentSrc, base, 'image');
    if (token) element.setAttribute('src', token);
  }
}

/** Each stylesheet link becomes a <style> in its place, holding its rules (or, for another origin's, a token the worker fills). */
function inlineStylesheets(pairs: Map<Element, Element>, copy: Element, base: string, changes: Changes, resources: Resources): void {
  const made = new Set<Element>();
  for (const link of copy.querySelectorAll('link')) {
    const sheet = (pairs.get(link) as HTMLLinkElement | undefined)?.sheet;
    const href = link.getAttribute('href') ?? '';
    if (isRemoteAddress(href)) noteRemote(changes, href);
    // A sheet the page does not apply (not loaded, disabled, an alternate) is dropped with the other links.
    if (!sheet || sheet.disabled || /\balternate\b/i.test(link.getAttribute('rel') ?? '') || !isRemoteAddress(href)) continue;
    const absolute = absoluteUrl(href, base);
    if (!absolute) continue;
    const css = sheetCss(sheet, absolute, changes, resources) ?? resources.token(absolute, base, 'style') ?? '';
    const style = copy.ownerDocument.createElement('style');
    style.setAttribute('data-tipline-original-href', href);
    const media = link.getAttribute('media');
    if (media) style.setAttribute('media', media);
    style.textContent = styleElementText(css);
    link.replaceWith(style);
    made.add(style);
  }
  for (const style of copy.querySelectorAll('style')) {
    if (made.has(style)) continue;
    const sheet = (pairs.get(style) as HTMLStyleElement | undefined)?.sheet;
    const css = (sheet ? sheetCss(sheet, base, changes, resources) : null) ?? tokenisedCss(style.textContent ?? '', base, changes, resources);
    style.textContent = styleElementText(css);
  }
}

/**
 * A self-contained, inert copy of the page as it is now: the live DOM (not the source) with scripts,
 * frames and event handlers removed, every script URL neutralised (however its scheme is spelt), every
 * address the copy would load or follow moved into a `data-tipline-original-*` attribute, stylesheets
 * turned into <style> elements, a CSP that allows no network at all, and at its top the list of what
 * was changed. Where a picture, stylesheet or CSS url() stood, a token names it in `resources`: the
 * worker fetches those within its caps and writes them in as data: URIs or text
 * (src/background/snapshot-inline.ts). Opening the copy tells the seller nothing.
 */
export function snapshotDraft(doc: Document = document): SnapshotDraft {
  const changes: Changes = { removedElements: 0, removedHandlers: 0, scriptUrls: 0, remoteUrls: [], remoteUrlCount: 0 };
  const resources = new Resources();
  const base = doc.baseURI;
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  const pairs = pairElements(doc.documentElement, clone);
  // Form values typed into the page are not in the attributes; the copy shows what the page showed.
  for (const [copy, live] of pairs) {
    if ((live instanceof HTMLInputElement && live.type !== 'password') || live instanceof HTMLTextAreaElement) copy.setAttribute('value', live.value);
  }
  inlineStylesheets(pairs, clone, base, changes, resources);
  for (const element of clone.querySelectorAll(DROP)) {
    changes.removedElements++;
    element.remove();
  }
  for (const element of clone.querySelectorAll('*')) neutraliseAttributes(element, pairs.get(element), base, changes, resources);
  const head = clone.querySelector('head') ?? clone.insertBefore(doc.createElement('head'), clone.firstChild);
  const adopted = doc.adoptedStyleSheets ?? [];
  if (adopted.length > 0) {
    const style = doc.createElement('style');
    style.textContent = styleElementText(adopted.map((sheet) => sheetCss(sheet, base, changes, resources) ?? '').join('\n'));
    head.append(style);
  }
  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; form-action 'none'");
  head.prepend(meta);
  const comment = (text: string) => text.replace(/--/g, '%2D%2D');
  const list = [
    `snapshot of ${comment(doc.location.href)} at ${new Date().toISOString()}`,
    'This is a copy of the page as the browser showed it, made inert. Changed in the copy:',
    `- ${changes.removedElements} scripts, frames, embedded objects, <base>, icon and other links removed; stylesheets turned into <style> elements`,
    `- ${changes.removedHandlers} event-handler attributes removed, ${changes.scriptUrls} script URLs neutralised`,
    inlinedListMarker(resources.nonce),
    `- ${changes.remoteUrlCount} addresses the page would load or follow kept in data-tipline-original-* attributes (images, links, styles):`,
    ...changes.remoteUrls.map((url) => `  ${comment(url)}`),
  ];
  // Style text goes in after serialising: XMLSerializer would escape its ">" (a child selector) as "&gt;",
  // which an HTML parser reads literally inside <style>.
  const styleTexts: string[] = [];
  for (const element of clone.querySelectorAll('style')) {
    styleTexts.push(element.textContent ?? '');
    element.textContent = `tipline-style-${resources.nonce}-${styleTexts.length - 1}`;
  }
  const markup = new XMLSerializer().serializeToString(clone).replace(new RegExp(`tipline-style-${resources.nonce}-(\\d+)`, 'g'), (_whole, index: string) => styleElementText(styleTexts[Number(index)] ?? ''));
  const html = `<!doctype html>\n<!--\n${list.join('\n')}\n-->\n${markup}`;
  if (html.length > MAX_SNAPSHOT_CHARS) throw new Error('error_snapshot_too_large');
  return { html, nonce: resources.nonce, pageUrl: doc.location.href, resources: resources.list };
}
