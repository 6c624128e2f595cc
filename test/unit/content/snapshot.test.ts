// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { snapshotHtml } from '../../../src/content/snapshot';

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

function snapshot(): { html: string; doc: Document } {
  const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
  const html = snapshotHtml(document);
  return { html, doc: new DOMParser().parseFromString(html, 'text/html') };
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

describe('snapshotHtml', () => {
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
    expect(doc.querySelector('img[data-tipline-original-src="https://seller.example/p.jpg"]')?.getAttribute('alt')).toContain('image not kept');
  });

  it('lists what it changed at its top', () => {
    const { html } = snapshot();
    const head = html.slice(0, html.indexOf('-->'));
    expect(head).toContain('made inert');
    expect(head).toContain('https://seller.example/p.jpg');
    expect(head).toMatch(/\d+ script URLs replaced/);
  });
});
