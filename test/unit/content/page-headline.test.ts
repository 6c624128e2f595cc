// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pageHeadline } from '../../../src/content/page-headline';
import { PAGE_CONTEXT_UNITS, PAGE_FOOTER_UNITS } from '../../../src/shared/protocol/block-scan-limits';

/* What the content script sends as the page's context: title and headline, a line break, the page's last text. */

function page(html: string, title = 'Shop'): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  doc.body.innerHTML = html;
  return doc;
}

describe('pageHeadline', () => {
  it('sends the title and headline, then the page footer and the title alone, each on a line', () => {
    const doc = page('<main><h1>电动冰淇淋机</h1><p>价格 2680 元</p></main><footer>© 2024 佛山市美厨电器有限公司 | 粤ICP备12345号</footer>', '冰淇淋机 - 美厨');
    const [top, footer, title] = pageHeadline(doc).split('\n');
    expect(top).toContain('冰淇淋机 - 美厨 | 电动冰淇淋机');
    expect(title).toBe('冰淇淋机 - 美厨');
    expect(footer).toBe('电动冰淇淋机 价格 2680 元 © 2024 佛山市美厨电器有限公司 | 粤ICP备12345号');
  });

  it('reads the last text backwards, skipping scripts and styles, and keeps its last units only', () => {
    const long = 'x'.repeat(5000);
    const doc = page(`<p>${long}</p><div><span>北京某某科技有限公司</span><script>var secret = 1;</script><style>p{}</style></div>`);
    const footer = pageHeadline(doc).split('\n')[1] ?? '';
    expect(footer.endsWith('北京某某科技有限公司')).toBe(true);
    expect(footer).not.toContain('secret');
    expect(footer.length).toBe(PAGE_FOOTER_UNITS);
  });

  it('reads the price beside a headline that sits in wrappers of its own', () => {
    const doc = page(
      '<nav>Home · Jammers</nav><div class="product"><div class="title"><div class="in"><h1>X8 Portable Jammer</h1></div></div><div class="price">$289 · Add to cart</div></div>',
      'X8 Portable Jammer – Store',
    );
    const top = pageHeadline(doc).split('\n')[0] ?? '';
    expect(top).toContain('X8 Portable Jammer $289 · Add to cart');
    expect(top).not.toContain('Home');
  });

  it('takes the element that repeats the title as the headline where the page has no <h1>', () => {
    const doc = page(
      '<div class="nav">Home · Chemicals</div><div class="box"><div class="t">Dutch crystal 84% – 5 g</div><div class="price">$120 · Buy now</div></div><p>Reviews</p>',
      'Dutch crystal 84% – 5 g | Some Market',
    );
    const top = pageHeadline(doc).split('\n')[0] ?? '';
    expect(top).toContain('| Dutch crystal 84% – 5 g | Dutch crystal 84% – 5 g $120 · Buy now');
    expect(top).not.toContain('Home');
    // A title that nothing on the page repeats, or one too short to be a name, gives no headline.
    expect(pageHeadline(page('<div>Welcome</div>', 'Unrelated name here')).split('\n')[0]).toBe('Unrelated name here | |');
    expect(pageHeadline(page('<div>Hi there</div>', 'Hi')).split('\n')[0]).toBe('Hi | |');
    // Scripts that echo the title are no heading.
    expect(pageHeadline(page('<script>var t = "Dutch crystal 84%"</script><div>x</div>', 'Dutch crystal 84% | M')).split('\n')[0]).toBe('Dutch crystal 84% | M | |');
  });

  it("reads the headline's container as a reader sees it: lines apart, words whole, no styles", () => {
    const doc = page(
      '<section><style>.p{color:gold}</style><h1>出<b>售</b>学历</h1><div class="p">$450</div><ul><li>any university</li></ul></section>',
      'Degrees',
    );
    const top = pageHeadline(doc).split('\n')[0] ?? '';
    expect(top).toBe('Degrees | 出售学历 | 出售学历 $450 any university');
  });

  it('finds a heading written after the first read, and follows a new title', () => {
    const doc = page('<div>Loading…</div>', 'Dutch crystal 84% | Some Market');
    expect(pageHeadline(doc).split('\n')[0]).toBe('Dutch crystal 84% | Some Market | |');
    doc.body.insertAdjacentHTML('beforeend', '<div class="t">Dutch crystal 84%</div>');
    expect(pageHeadline(doc).split('\n')[0]).toContain('| Dutch crystal 84% |');
    doc.title = 'Kidney broker abroad - Ads';
    doc.body.insertAdjacentHTML('beforeend', '<div>Kidney broker abroad, 4 weeks</div>');
    expect(pageHeadline(doc).split('\n')[0]).toContain('| Kidney broker abroad, 4 weeks |');
  });

  it('stays within the protocol limit on a page of megabytes, and is empty without a body text', () => {
    const doc = page(`<h1>${'标题'.repeat(2000)}</h1><p>${'尾'.repeat(100_000)}</p>`);
    expect(pageHeadline(doc).length).toBeLessThanOrEqual(PAGE_CONTEXT_UNITS);
    expect(pageHeadline(page('')).split('\n')).toEqual(['Shop | |', '', 'Shop']);
  });
});
