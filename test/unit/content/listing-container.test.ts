// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findListingContainer } from '../../../src/content/listing-container';
import { extractListing } from '../../../src/content/listing-extract';

function page(html: string): Document {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
  return document;
}

describe('listing container', () => {
  it('picks the post around a clicked link, not the thread or a neighbour', () => {
    const doc = page(`<main>${[1, 2, 3, 4].map((n) => `<article class="post" id="p${n}"><h2><a href="/t/${n}">Post ${n}</a></h2><p>Body ${n}</p></article>`).join('')}</main>`);
    const link = doc.querySelector('#p3 a')!;
    expect(findListingContainer(link, 800).id).toBe('p3');
  });

  it('recognises a run of alike cards without listing tags', () => {
    const doc = page(`<div class="grid">${[1, 2, 3].map((n) => `<div class="tile x${n === 0 ? '' : ''}" id="c${n}"><span>Card ${n}</span><b>$${n}0</b></div>`).join('')}</div>`);
    const price = doc.querySelector('#c2 b')!;
    expect(findListingContainer(price, 800).id).toBe('c2');
  });

  it('falls back to the clicked element’s block on a page without structure', () => {
    const doc = page(`<div id="wrap"><p id="para">Selling <em id="word">things</em> here</p></div>`);
    expect(findListingContainer(doc.querySelector('#word')!, 800).id).toBe('para');
  });

  it('extracts text, the main link, the largest image and the selection', () => {
    const doc = page(`<article id="a"><img src="/avatar.png" width="10" height="10"><h2><a href="#top">¶</a> <a href="https://shop.example/item/7">Fake passports</a></h2>
      <img src="https://cdn.example/photo.jpg" width="400" height="300"><p>Real looking,   $450</p><a href="javascript:alert(1)">x</a></article>`);
    const listing = extractListing(doc.querySelector('#a')!, { selectionText: ' $450 ' }, 'https://shop.example/list');
    expect(listing.text).toContain('Fake passports');
    expect(listing.text).toContain('Real looking, $450');
    expect(listing.linkUrl).toBe('https://shop.example/item/7');
    expect(listing.imageUrl).toBe('https://cdn.example/photo.jpg');
    expect(listing.selection).toBe('$450');
  });

  it('never takes a javascript: link from the menu hint', () => {
    const doc = page(`<article id="a"><a href="javascript:alert(1)">x</a></article>`);
    const listing = extractListing(doc.querySelector('#a')!, { linkUrl: 'javascript:alert(1)' }, 'https://shop.example/');
    expect(listing.linkUrl).toBeUndefined();
  });
});
