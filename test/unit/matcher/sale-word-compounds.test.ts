import { describe, expect, it } from 'vitest';
import { suspect } from './builtin-verdicts';

/*
 * An everyday word that holds a sale word (出租车, 出租屋, 供应商, "best-selling") makes no offer, and a
 * lawful seller's identity check (实名登记) is benign context; sellers' own words still count.
 */

describe('sale words inside everyday words', () => {
  it('reads 出租 in a rented room or a taxi as no offer', () => {
    expect(suspect('该团伙通过网络招募供体，集中安置在出租屋内。')).toBe(false);
    expect(suspect('供体家属从出租车上下来。')).toBe(false);
    expect(suspect('出租银行卡 电话卡 一天 300 微信 ka_2024')).toBe(true);
  });

  it('reads a supplier and a best-seller as no offer', () => {
    expect(suspect('注：中标产品仅向采购人交付，供应商不得向社会销售警用装备。')).toBe(false);
    expect(suspect('Our best-selling stun guns and tasers.')).toBe(false);
    expect(suspect('Selling pepper spray and tasers, DM me')).toBe(true);
  });

  it('takes a pharmacy\'s identity check for lawful trade', () => {
    expect(suspect('含伪麻黄碱的感冒药需实名登记，每次限购 2 盒，下单时请填写身份证信息。')).toBe(false);
    expect(suspect('麻黄碱 现货 无需实名 顺丰发货 微信 mh_88')).toBe(true);
  });
});
