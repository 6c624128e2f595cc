// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_CARD_TEXT, blockOf, newBlockCache } from '../../../src/content/blocks';

/* Which element a text node is scored in: one listing, one block. */

function blockTextOf(html: string, text: string): string {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data === text) return (blockOf(node, newBlockCache()) as Element).outerHTML;
  }
  throw new Error(`no text node "${text}"`);
}

describe('blockOf', () => {
  it('scores a listing element whole', () => {
    expect(blockTextOf('<ul><li><h3>Strychnine</h3><span>$150 / 10g</span></li></ul>', 'Strychnine')).toMatch(/^<li>/);
  });

  it('scores a heading with the lines of the small box it heads', () => {
    const tile = '<div class="pr"><h3>Strychnine sulfate</h3>Crystal powder<br><span>$150 / 10g</span><span>Order now</span></div>';
    expect(blockTextOf(`<div class="prods">${tile}${tile.replace('Strychnine sulfate', 'Aconitine')}</div>`, 'Aconitine')).toBe(
      tile.replace('Strychnine sulfate', 'Aconitine'),
    );
  });

  it('keeps a heading its own block in a box of several headings or a long column', () => {
    expect(blockTextOf('<div><h2>Gun law</h2><p>a</p><h2>Range rules</h2><p>b</p></div>', 'Gun law')).toBe('<h2>Gun law</h2>');
    const column = `<div><h2>Gun law</h2>${'x'.repeat(MAX_CARD_TEXT)}</div>`;
    expect(blockTextOf(column, 'Gun law')).toBe('<h2>Gun law</h2>');
    expect(blockTextOf('<td><h3>Stun gun</h3>$40</td>', 'Stun gun')).toBe('<h3>Stun gun</h3>');
  });

  it('looks at a hostile box of many headings once, not once per heading', { timeout: 30_000 }, () => {
    // 20,000 headings in one box: counted per heading, this took over a minute under happy-dom.
    document.body.innerHTML = `<div>${'<h3>x</h3>'.repeat(20_000)}</div>`;
    const cache = newBlockCache();
    const started = performance.now();
    for (const heading of document.querySelectorAll('h3')) expect((blockOf(heading.firstChild as Text, cache) as Element).tagName).toBe('H3');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
