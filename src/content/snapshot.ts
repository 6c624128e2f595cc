/** Larger snapshots would not fit a message; the screenshot and URL remain the evidence then. */
export const MAX_SNAPSHOT_CHARS = 20 * 1024 * 1024;

const DROP = 'script, noscript, iframe, frame, object, embed, template, link[rel~="preload"], link[rel~="modulepreload"], meta[http-equiv]';

function sameOriginCss(doc: Document): string {
  const parts: string[] = [];
  for (const sheet of doc.styleSheets) {
    try {
      for (const rule of sheet.cssRules) parts.push(rule.cssText);
    } catch {
      // Cross-origin sheet: its rules cannot be read; the <link> to it stays in the snapshot.
    }
  }
  return parts.join('\n');
}

/** Attributes that name a URL the browser would load or go to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'background', 'data', 'xlink:href', 'cite', 'longdesc', 'ping']);
/** Characters a browser skips inside a URL's scheme ("java\tscript:"): controls and whitespace. */
// eslint-disable-next-line no-control-regex -- the control characters are what is being stripped
const SCHEME_NOISE = /[\u0000-\u0020\u007f]+/g;
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript):|^data:(?:text\/html|application\/xhtml|image\/svg)/i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
/** How many of the original addresses the snapshot's change list names. */
const LISTED_URLS = 200;

/** What the copy changed, for the list at its top: an investigator must know the copy is not the page. */
interface Changes {
  removedElements: number;
  removedHandlers: number;
  scriptUrls: number;
  remoteUrls: string[];
  remoteUrlCount: number;
}

function remote(value: string): boolean {
  const url = value.trim();
  return url !== '' && !url.startsWith('#') && !/^data:/i.test(url);
}

function noteRemote(changes: Changes, url: string): void {
  changes.remoteUrlCount++;
  if (changes.remoteUrls.length < LISTED_URLS) changes.remoteUrls.push(url);
}

/** A style text with every url() that is not data: replaced, so nothing loads from it. */
function inertCss(css: string, changes: Changes): string {
  return css.replace(CSS_URL, (whole, _quote: string, url: string) => {
    if (!remote(url)) return whole;
    noteRemote(changes, url);
    return 'none';
  });
}

/**
 * A self-contained, inert copy of the page as it is now: the live DOM (not the source) with scripts,
 * frames and event handlers removed, every script URL neutralised (however its scheme is spelt), every
 * address the copy would load or follow moved into a `data-tipline-original-*` attribute, readable
 * styles inlined, a CSP that allows no network at all, and at its top the list of what was changed.
 * Opening it tells the seller nothing: no image, font or stylesheet comes from their server.
 */
export function snapshotHtml(doc: Document = document): string {
  const changes: Changes = { removedElements: 0, removedHandlers: 0, scriptUrls: 0, remoteUrls: [], remoteUrlCount: 0 };
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  for (const element of clone.querySelectorAll(`${DROP}, link[rel~="stylesheet"], link[rel~="icon"], base`)) {
    changes.removedElements++;
    element.remove();
  }
  for (const element of clone.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) {
        changes.removedHandlers++;
        element.removeAttribute(attribute.name);
      } else if (name === 'srcset' || name === 'imagesrcset') {
        noteRemote(changes, attribute.value.slice(0, 300));
        element.setAttribute('data-tipline-original-srcset', attribute.value);
        element.removeAttribute(attribute.name);
      } else if (name === 'style') {
        element.setAttribute(attribute.name, inertCss(attribute.value, changes));
      } else if (URL_ATTRIBUTES.has(name)) {
        const value = attribute.value;
        if (SCRIPT_SCHEME.test(value.replace(SCHEME_NOISE, ''))) {
          changes.scriptUrls++;
          element.setAttribute(attribute.name, '#');
        } else if (remote(value)) {
          noteRemote(changes, value.slice(0, 300));
          element.setAttribute(`data-tipline-original-${name.replace(':', '-')}`, value);
          if (name === 'href' || name === 'xlink:href') element.setAttribute(attribute.name, '#');
          else element.removeAttribute(attribute.name);
          // An image not kept says which one it was, where the page showed it.
          if (name === 'src' && element.localName === 'img' && !element.getAttribute('alt')) element.setAttribute('alt', `[image not kept: ${value.slice(0, 300)}]`);
        }
      }
    }
  }
  for (const style of clone.querySelectorAll('style')) style.textContent = inertCss(style.textContent ?? '', changes);
  // Form values typed into the page are not in the attributes; the copy shows what the page showed.
  const live = doc.querySelectorAll('input, textarea');
  const copies = clone.querySelectorAll('input, textarea');
  live.forEach((field, index) => {
    const copy = copies[index];
    if (copy && (field as HTMLInputElement).type !== 'password') copy.setAttribute('value', (field as HTMLInputElement).value);
  });
  const head = clone.querySelector('head') ?? clone.insertBefore(doc.createElement('head'), clone.firstChild);
  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; form-action 'none'");
  const style = doc.createElement('style');
  style.textContent = inertCss(sameOriginCss(doc), changes);
  head.prepend(meta);
  head.append(style);
  const comment = (text: string) => text.replace(/--/g, '%2D%2D');
  const list = [
    `snapshot of ${comment(doc.location.href)} at ${new Date().toISOString()}`,
    'This is a copy of the page as the browser showed it, made inert. Changed in the copy:',
    `- ${changes.removedElements} scripts, frames, embedded objects, stylesheet and icon links and <base> removed`,
    `- ${changes.removedHandlers} event-handler attributes removed, ${changes.scriptUrls} script URLs replaced by #`,
    `- ${changes.remoteUrlCount} addresses the copy would load or follow kept only in data-tipline-original-* attributes (images, links, styles), not loaded:`,
    ...changes.remoteUrls.map((url) => `  ${comment(url)}`),
  ];
  const html = `<!doctype html>\n<!--\n${list.join('\n')}\n-->\n${new XMLSerializer().serializeToString(clone)}`;
  if (html.length > MAX_SNAPSHOT_CHARS) throw new Error('error_snapshot_too_large');
  return html;
}
