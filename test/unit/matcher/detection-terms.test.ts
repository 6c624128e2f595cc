import { describe, expect, it } from 'vitest';
import { findContactHandles } from '../../../src/matcher/contact-handles';
import { detectSaleSignals } from '../../../src/matcher/sale-signals';
import { normaliseText } from '../../../src/matcher/normalise';
import { isSkippedElement } from '../../../src/content/text-nodes';
import { suspect } from './builtin-verdicts';

/* An offer's terms as sellers write them, and a reader's doubt under a post. */

const handles = (text: string) => findContactHandles(normaliseText(text)).map((h) => h.type);
const prices = (text: string) => detectSaleSignals(normaliseText(text)).filter((s) => s.kind === 'price').map((s) => s.value);

describe('contact handles as sellers write them', () => {
  it('reads a QQ group, a WeChat id behind 微:, a Telegram handle behind ✈ and a Tox id', () => {
    expect(handles('Q群：7736XXXX')).toEqual(['qq']);
    expect(handles('微：chezhu_data88')).toEqual(['wechat']);
    expect(handles('微博:some_blog')).toEqual([]);
    expect(handles('懂的 ✈️ @qc_shop888')).toEqual(['telegram']);
    expect(handles('Contact: Tox 8D2C...41AA')).toEqual(['tox']);
    expect(handles(`tox id: ${'ab12'.repeat(19)}`)).toEqual(['tox']);
    expect(handles('a box of tox toys')).toEqual([]);
  });

  it('reads Zalo by the phone number it runs on, whole or masked, and the dong after a sum as a price', () => {
    expect(handles('inbox page or zalo 09xx.xxx.218 to order')).toEqual(['zalo']);
    expect(handles('Zalo: 0912 345 678')).toEqual(['zalo']);
    expect(handles('zalo 2024')).toEqual([]);
    expect(prices('1kg = 650.000 đ, 500g = 350.000 vnđ')).toEqual(['650.000 đ', '350.000 vnđ']);
  });

  it('reads the price of a whole set without a currency, not the count of its pieces', () => {
    expect(prices('瞄、消、内脏 全套 3200')).toEqual(['全套 3200']);
    expect(prices('刀具全套 120 件; 全套 1200 片拼图')).toEqual([]);
  });

  it('reads a handle after a call to buy or order ("buy: @name")', () => {
    expect(handles('buy: @panel_sales')).toEqual(['handle']);
    expect(handles('orders @shop_bot')).toEqual(['handle']);
    expect(handles('follow @our_club for news')).toEqual([]);
  });
});

describe('prices with the unit first', () => {
  it('reads a forum marketplace\'s [SELL] and WTS tags as sale words', () => {
    expect(suspect('[SELL] PhantomRAT v4.2 — FUD, HVNC, stealer, lifetime')).toBe(true);
    expect(suspect('WTS: FUD crypter, stealer builds on request')).toBe(true);
    expect(suspect('PhantomRAT v4.2 — FUD, HVNC, stealer')).toBe(false);
  });

  it('reads "一张 350" and "一盒 75" as prices, not "每个 10 分钟"', () => {
    // With a second item the two are one price list (see "price lists without a currency" below).
    expect(prices('一张 350，十张以上 300')).toEqual(['一张 350,十张以上 300']);
    expect(prices('一张 350')).toEqual(['一张 350']);
    expect(prices('铅弹 一盒 75')).toEqual(['一盒 75']);
    expect(prices('每个 10 分钟提醒一次')).toEqual([]);
  });
});

describe('a reader\'s doubt', () => {
  it('does not read a benign word that a question ends on as a report', () => {
    expect(suspect('屏蔽器 便携款 ¥358 全国包邮 私信 评论：这个违法吧?')).toBe(true);
    expect(suspect('屏蔽器 便携款 ¥358 全国包邮 私信 这是违法的。')).toBe(false);
  });
});

describe('plain text in <pre>', () => {
  it('is read: paste sites show price lists in it; code stays skipped', () => {
    const el = (name: string) => ({ localName: name, getAttribute: () => null }) as unknown as Element;
    expect(isSkippedElement(el('pre'))).toBe(false);
    expect(isSkippedElement(el('code'))).toBe(true);
    expect(suspect('[ ELECTRIC DETONATORS ]\n  no.8 instant ...... 15$ / pc\ncontact: wickr: quarry_supply')).toBe(true);
  });
});

describe('price lists without a currency, and code words in quotation marks', () => {
  it('reads a Chinese price list of labels and sums as prices', () => {
    expect(suspect('学位证 专科内页 900 ｜ 本科 1300 ｜ 硕士 2200，联系 V 信 zs_waike2024')).toBe(true);
    // Without the list, one name and a handle is not yet an offer of an everyday document's name.
    expect(suspect('学位证 联系 V 信 zs_waike2024')).toBe(false);
    // Scores under 100, dates and phone numbers are no price list.
    expect(suspect('毕业证 发放通知：语文 95，数学 88；2026年7月1日领取，电话 13812345678')).toBe(false);
  });

  it('reads a code word set in quotation marks as code, even where it is an everyday compound', () => {
    expect(suspect('助兴“邮票”到货了，一贴 180，五贴 800，另有“冰糖”，量大从优，私聊加 V:ysx_777')).toBe(true);
    expect(suspect('老冰糖 一斤 180，两斤 340，量大从优，加 V:tang_shop88')).toBe(false);
  });
});
