// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { withSeparators } from '../../../src/content/block-text';

/* What the matcher reads of a block's text nodes: lines apart, words within a line whole. */

function read(html: string): string {
  const root = document.createElement('div');
  root.innerHTML = html;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const { texts, owners } = withSeparators(nodes, new WeakMap());
  // Every text but a separator maps back to its node.
  texts.forEach((text, index) => expect(owners[index] === -1 ? text : nodes[owners[index] as number]?.data).toBe(text));
  return texts.join('');
}

describe('withSeparators', () => {
  it('keeps a word split by inline markup whole', () => {
    expect(read('<p>出<b>售</b>枪支 and <i>fake</i> ids</p>')).toBe('出售枪支 and fake ids');
  });

  it('parts text in two block-level elements, lists, buttons and disclosure summaries', () => {
    expect(read('<h2>Pro X16</h2><p>$389</p>')).toBe('Pro X16 $389');
    expect(read('<div><span class="btn">Add to cart</span><details><summary>Is this a jammer?</summary><p>No.</p></details></div>')).toBe(
      'Add to cart Is this a jammer? No.',
    );
    expect(read('<div><b>Replica</b><ul><li>any university</li></ul><button>Order</button></div>')).toBe('Replica any university Order');
  });

  it('parts two texts of one line that a block-level element stands between', () => {
    // The <div>'s own text is read in the walk here; in a page it may be another block's, and the two
    // texts around it still must not glue ("insigniaget").
    const root = document.createElement('div');
    root.innerHTML = '<b>Rank insignia</b><div>₹ 4,800</div><span class="btn">Get price</span><b>出</b>售';
    const nodes = [root.querySelector('b')?.firstChild, root.querySelector('span')?.firstChild, root.lastChild?.previousSibling?.firstChild, root.lastChild] as Text[];
    expect(withSeparators(nodes, new WeakMap()).texts.join('')).toBe('Rank insignia Get price出售');
  });

  it('parts the lines of one element that a line break divides', () => {
    expect(read('<p>盐酸麻黄碱 99%<br>1 公斤 2.6 万<br><br>加我 Q 1928 337 406</p>')).toBe('盐酸麻黄碱 99% 1 公斤 2.6 万 加我 Q 1928 337 406');
  });
});
