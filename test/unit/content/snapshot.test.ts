// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { snapshotDraft } from '../../../src/content/snapshot';
import type { SnapshotDraft } from '../../../src/shared/protocol/snapshot-draft';

const PAGE = `<html><head><title>Offer</title><base href="https://seller.example/">
<link rel="stylesheet" href="https://seller.example/site.css"><style>.a { background: url("https://seller.example/bg.png") }</style></head>
<body><h1 onclick="steal()">Fake passports</h1>
<img src="https://seller.example/p.jpg" srcset="https://seller.example/p2.jpg 2x">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">
<a href="https://t.me/seller">contact</a> <a href="java&#9;script:alert(1)">x</a> <a href="#top">top</a>
<svg><a xlink:href="javascript:alert(2)"><text>svg</text></a><image xlink:href="https://seller.example/s.svg"></image></svg>
<form action="https://seller.example/buy"><button formaction="JaVaScRiPt:alert(3)">buy</button></form>
<div style="background-image: url(https://seller.example/x.png)">styled</div>
<script>steal()</script><iframe src="https://seller.example/frame"></iframe></body></html>`;

function snapshot(): { html: string; doc: Document; draft: SnapshotDraft } {
  const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
  const draft = snapshotDraft(document);
  return { html: draft.html, doc: new DOMParser().parseFromString(draft.html, 'text/html'), draft };
}

/** Every value of an attribute the browser would load or follow, outside the kept originals. */
function loadable(doc: Document): string[] {
  const out: string[] = [];
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      if (attribute.name.startsWith('data-tipline-original-') || attribute.name === 'content') continue;
      if (/^(href|src|srcset|action|formaction|xlink:href|poster|data|style)$/.test(attribute.name)) out.push(attribute.value);
    }
  }
  for (const style of doc.querySelectorAll('style')) out.push(style.textContent ?? '');
  return out;
}

describe('snapshotDraft', () => {
  it('loads nothing from the network and runs nothing', () => {
    const { html, doc } = snapshot();
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('*');
    expect(doc.querySelector('base, script, iframe, link[rel~=stylesheet]')).toBeNull();
    expect(loadable(doc).filter((value) => /https?:|javascript|url\(\s*['"]?https?/i.test(value))).toEqual([]);
    expect(html).not.toMatch(/onclick=/i);
    // What the page showed stays readable: the inline image, the text, the links' own targets kept aside.
    expect(doc.querySelector('img[alt=inline]')?.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(doc.querySelector('a[data-tipline-original-href="https://t.me/seller"]')?.textContent).toBe('contact');
    expect(doc.querySelector('a[href="#top"]')).not.toBeNull();
  });

  it('names each picture and CSS url() it would load by a token, for the worker to inline', () => {
    const { doc, draft } = snapshot();
    const tokenOf = (url: string, kind: string) => `tipline-resource-${draft.nonce}-${draft.resources.findIndex((r) => r.url === url && r.kind === kind)}`;
    expect(draft.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(draft.resources).toEqual(expect.arrayContaining([
      { url: 'https://seller.example/p.jpg', kind: 'image' },
      { url: 'https://seller.example/s.svg', kind: 'image' },
      { url: 'https://seller.example/bg.png', kind: 'css-url' },
      { url: 'https://seller.example/x.png', kind: 'css-url' },
    ]));
    // Links, forms and frames are addresses to follow, not pictures: they are not fetched.
    expect(draft.resources.map((r) => r.url)).not.toContain('https://t.me/seller');
    expect(draft.resources.map((r) => r.url)).not.toContain('https://seller.example/buy');
    expect(doc.querySelector('img[data-tipline-original-src="https://seller.example/p.jpg"]')?.getAttribute('src')).toBe(tokenOf('https://seller.example/p.jpg', 'image'));
    expect(doc.querySelector('div[style]')?.getAttribute('style')).toContain(tokenOf('https://seller.example/x.png', 'css-url'));
    expect(draft.html).toContain(`tipline-inlined-${draft.nonce}`);
  });

  it('keeps a stylesheet’s own style text, with a closing tag in it unable to end the <style>', () => {
    document.documentElement.innerHTML = '<head><style></style></head><body><p class="a">x</p></body>';
    // Text set by a script can hold what the HTML parser would have ended the element at.
    document.querySelector('style')!.textContent = '.a > .b { content: "</style><script>x()</script>" }';
    const { html } = snapshotDraft(document);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelectorAll('style').length).toBe(1);
    expect(doc.querySelector('style')?.textContent).toContain('.a > .b');
  });

  it('lists what it changed at its top', () => {
    const { html } = snapshot();
    const head = html.slice(0, html.indexOf('-->'));
    expect(head).toContain('made inert');
    expect(head).toContain('https://seller.example/p.jpg');
    expect(head).toMatch(/\d+ script URLs neutralised/);
    expect(head).toContain('https://seller.example/site.css');
  });
});
