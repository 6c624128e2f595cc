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

/**
 * A self-contained, inert copy of the page as it is now: the live DOM (not the source) with scripts,
 * frames and event handlers removed, `javascript:` URLs neutralised, readable styles inlined, and a CSP
 * that keeps anything left from running when an investigator opens it.
 */
export function snapshotHtml(doc: Document = document): string {
  const clone = doc.documentElement.cloneNode(true) as HTMLElement;
  for (const element of clone.querySelectorAll(DROP)) element.remove();
  for (const element of clone.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) element.removeAttribute(attribute.name);
      else if ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction') && /^\s*javascript:/i.test(attribute.value)) {
        element.setAttribute(attribute.name, '#');
      }
    }
  }
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
  meta.setAttribute('content', "default-src 'none'; img-src * data:; style-src * 'unsafe-inline'; font-src * data:");
  const base = doc.createElement('base');
  base.setAttribute('href', doc.baseURI);
  const style = doc.createElement('style');
  style.textContent = sameOriginCss(doc);
  head.prepend(meta, base);
  head.append(style);
  const html = `<!doctype html>\n<!-- snapshot of ${doc.location.href.replace(/--/g, '%2D%2D')} at ${new Date().toISOString()} -->\n${new XMLSerializer().serializeToString(clone)}`;
  if (html.length > MAX_SNAPSHOT_CHARS) throw new Error('error_snapshot_too_large');
  return html;
}
