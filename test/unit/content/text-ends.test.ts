// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textEnd, textStart } from '../../../src/content/text-ends';
import { nearbyText } from '../../../src/content/exact-scan';
import { NEARBY_SIDE_UNITS, NEARBY_UNITS } from '../../../src/shared/protocol/block-scan-limits';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
}

describe('textStart and textEnd', () => {
  it('read the first and last units of an element’s visible text, skipping scripts and styles', () => {
    const root = html('<p>one <b>two</b></p><script>var secret = 1;</script><style>p{}</style><p>three</p>');
    expect(textStart(root, 100)).toBe('one two three');
    expect(textEnd(root, 100)).toBe('one two three');
    expect(textStart(root, 3)).toBe('one');
    expect(textEnd(root, 5)).toBe('three');
  });

  it('do not count indentation towards the units, and stop after a bounded number of nodes', () => {
    const indented = html(`<p>北京某某科技有限公司</p>${'<div>\n        </div>'.repeat(60)}`);
    expect(textEnd(indented, 20)).toBe('北京某某科技有限公司');
    // A hostile page's run of empty elements is not walked to its end.
    const empty = html(`<p>far</p>${'<span></span>'.repeat(5_000)}`);
    expect(textEnd(empty, 20)).toBe('');
    expect(textStart(html(`${'<i></i>'.repeat(5_000)}<p>far</p>`), 20)).toBe('');
  });

  it('stop after a few nodes of a huge element', () => {
    const root = html(`<p>${'a'.repeat(10)}</p>`.repeat(100_000));
    expect(textStart(root, 50)).toHaveLength(50);
    expect(textEnd(root, 50)).toHaveLength(50);
  });
});

describe('nearbyText', () => {
  it('gives the end of the element before a block and the start of the one after it', () => {
    const root = html('<div class="msg">卖家 21:03</div><div class="msg" id="goods">新版盗号木马</div><div class="msg">联系 QQ 2893317123</div>');
    expect(nearbyText(root.querySelector('#goods') as Element)).toBe('卖家 21:03\n联系 QQ 2893317123');
  });

  it('climbs to an ancestor with siblings when the block stands alone in its parent, and stays in its limit', () => {
    const root = html(`<li><p>${'x'.repeat(5000)}</p></li><li><div><p id="goods">新版盗号木马</p></div></li><li>联系 QQ 2893317123</li>`);
    const nearby = nearbyText(root.querySelector('#goods') as Element);
    expect(nearby.endsWith('\n联系 QQ 2893317123')).toBe(true);
    expect(nearby.split('\n')[0]).toHaveLength(NEARBY_SIDE_UNITS);
    expect(nearby.length).toBeLessThanOrEqual(NEARBY_UNITS);
  });

  it('steps over siblings without text (an avatar, an empty time stamp, a script) to the next message', () => {
    const root = html(
      '<div class="msg"><img alt=""><div class="bubble" id="goods">新版盗号木马</div><span class="time"></span><script>var wx = "abc12345";</script></div>' +
        '<div class="msg"><img alt=""><div class="bubble">联系 QQ 2893317123</div></div>',
    );
    expect(nearbyText(root.querySelector('#goods') as Element)).toBe('\n联系 QQ 2893317123');
  });

  it('climbs on each side alone: a bubble has its sender before it and the next message after its parent', () => {
    const root = html(
      '<div class="m"><div class="nm">跑长途的老杨</div><div class="bub" id="goods">你那个车上用的GPS屏蔽还有吗？</div></div>' +
        '<div class="m"><div class="nm">陈老板</div><div class="bub">有的，单个260，加我微信 chen_gps518</div></div>',
    );
    expect(nearbyText(root.querySelector('#goods') as Element)).toBe('跑长途的老杨\n陈老板 有的，单个260，加我微信 chen_gps518');
  });

  it('reads up to five messages after a block, within its limit: the terms may come a few messages after the goods', () => {
    const messages = ['有，98%片碱状', '原厂25公斤一桶', '价格私聊', '要的加QQ 2980441376', '第五条', '第六条不读'];
    const root = html(`<div class="m" id="goods">氰化钠有吗</div>${messages.map((m) => `<div class="m">${m}</div>`).join('')}`);
    expect(nearbyText(root.querySelector('#goods') as Element)).toBe(`\n${messages.slice(0, 5).join('\n')}`);
    const long = html(`<p id="goods">氰化钠有吗</p><p>${'x'.repeat(250)}</p><p>${'y'.repeat(250)}</p><p>加QQ 2980441376</p>`);
    const nearby = nearbyText(long.querySelector('#goods') as Element);
    const after = nearby.slice(nearby.indexOf('\n') + 1);
    expect(after).toHaveLength(NEARBY_SIDE_UNITS);
    expect(after).not.toContain('QQ');
  });

  it('reads a bare text node before the block, where a report introduces a quotation', () => {
    const root = html('<div>A recent post read: <div id="goods">NIGHTHOOK PANEL, $150</div></div>');
    expect(nearbyText(root.querySelector('#goods') as Element)).toBe('A recent post read:\n');
  });

  it('is empty for a block with no element around it within three levels', () => {
    const root = html('<div><div><div><p id="goods">新版盗号木马</p></div></div></div>');
    expect(nearbyText(root.querySelector('#goods') as Element)).toBe('');
  });
});
