/** What the banner says; the content script passes the localised strings (public/_locales). */
export interface PickBannerLabels {
  hint: string;
  cancel: string;
}

export interface PickBanner {
  /** The element in the page (its content is in a closed shadow root, out of the page's reach and style). */
  host: HTMLElement;
  remove(): void;
}

/**
 * The visible hint while pick mode waits for a tap: a bar at the top of the viewport, announced as an
 * alert, with a Cancel button (Firefox for Android has no Escape key). Built from DOM nodes and our own
 * strings only: nothing the page holds becomes markup here. The Cancel button acts on trusted clicks
 * alone, as the pick does.
 */
export function showPickBanner(doc: Document, labels: PickBannerLabels, onCancel: () => void): PickBanner {
  const host = doc.createElement('div');
  host.setAttribute('data-tipline-pick', '');
  // Set through CSSOM, which a page's style-src CSP does not govern (a style attribute in markup it would).
  Object.assign(host.style, { position: 'fixed', top: '0', left: '0', right: '0', zIndex: '2147483647', pointerEvents: 'auto' });
  const root = host.attachShadow({ mode: 'closed' });
  const bar = doc.createElement('div');
  bar.setAttribute('role', 'alert');
  Object.assign(bar.style, {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    padding: '10px 14px',
    background: '#1b1b1f',
    color: '#ffffff',
    font: '16px/1.4 system-ui, sans-serif',
    borderBottom: '3px solid #f0b400',
    boxShadow: '0 2px 8px rgba(0,0,0,.35)',
  });
  const text = doc.createElement('span');
  text.textContent = labels.hint;
  text.style.flex = '1';
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.textContent = labels.cancel;
  Object.assign(cancel.style, {
    font: 'inherit',
    color: '#1b1b1f',
    background: '#ffffff',
    border: '2px solid #ffffff',
    borderRadius: '6px',
    padding: '6px 14px',
    minHeight: '40px',
    cursor: 'pointer',
  });
  cancel.addEventListener('click', (event) => {
    if (event.isTrusted) onCancel();
  });
  bar.append(text, cancel);
  root.append(bar);
  (doc.body ?? doc.documentElement).append(host);
  return { host, remove: () => host.remove() };
}
