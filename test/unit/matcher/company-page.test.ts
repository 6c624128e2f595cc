import { describe, expect, it } from 'vitest';
import { namesCompany, namesLicence } from '../../../src/matcher/company-name';
import { suspect } from './builtin-verdicts';

/*
 * A page whose title or footer names the registered company that runs it (src/matcher/company-name.ts):
 * a weak goods word beside its prices and WeChat is the shop's own trade there; a strong phrase or an
 * advert quoted in quotation marks still counts.
 */

const offer = '增值税专票，价格 300 元，微信 fapiao8899';
const shop = (footer: string) => `美厨电器官方商城 | 商品详情 | \n${footer}\n美厨电器官方商城`;

describe('a company named in the page footer', () => {
  it('recognises a company by its full legal name, not the word alone', () => {
    expect(namesCompany('© 2024 佛山市美厨电器有限公司 | 粤ICP备')).toBe(true);
    expect(namesCompany('某某银行股份有限公司 版权所有')).toBe(true);
    expect(namesCompany('成都启明网安教育科技有限责任公司')).toBe(true);
    expect(namesCompany('我们是正规公司，可开票')).toBe(false);
    expect(namesCompany('有限公司')).toBe(false);
    expect(namesCompany('Acme Trading Co., Ltd.')).toBe(false);
  });

  it('takes a weak word with a price and a handle for the shop’s own trade on its page', () => {
    expect(suspect(offer, shop('论坛首页 · 联系我们'))).toBe(true);
    expect(suspect(offer, shop('© 2024 佛山市美厨电器有限公司 | 粤ICP备12345号'))).toBe(false);
  });

  it("counts a seller's offer in full on a company's page: a messaging app's handle and three terms", () => {
    const company = shop('© 2024 佛山市美厨电器有限公司 | 粤ICP备12345号');
    expect(suspect('长期现货供应羟亚胺，无需备案，量大从优，¥6,800/kg，TG @hx_chem88', company)).toBe(true);
    expect(suspect('羟亚胺 ¥6,800/kg，微信 hx_chem88', company)).toBe(false);
  });

  it('takes no company for a lawful dealer whose headline sells without checks or hides the goods', () => {
    const chemicals = (headline: string) => `羟亚胺 99% 现货 | ${headline} | \n© 2026 湖北某某生物科技有限公司\n羟亚胺 99% 现货 - 某某化工网`;
    const block = '【现货】羟亚胺 99% 高纯，小量可发';
    expect(suspect(block, chemicals('规格 100g / 500g，价格 ¥ 2600 /100g'))).toBe(false);
    expect(suspect(block, chemicals('规格 100g / 500g，价格 ¥ 2600 /100g，起订量 10 克，个人可买'))).toBe(true);
    expect(suspect(block, chemicals('价格 ¥ 2600 /100g，国内客户无需提供任何证件'))).toBe(true);
    expect(suspect(block, chemicals('价格 ¥ 2600 /100g，安全清关，双清包税到门'))).toBe(true);
    expect(suspect(block, chemicals('价格 ¥ 2600 /100g，品名写“香精原料”发货'))).toBe(true);
  });

  it('reads the company from the title or the footer only, not from the headline’s surroundings', () => {
    expect(suspect(offer, '佛山市美厨电器有限公司 | 商品详情 | \n联系我们\n佛山市美厨电器有限公司')).toBe(false);
    // The title's own separators do not hide the company behind them.
    expect(suspect(offer, '首页 | 佛山市美厨电器有限公司 | 商品详情 | \n联系我们\n首页 | 佛山市美厨电器有限公司')).toBe(false);
    expect(suspect(offer, '论坛 | 我们是深圳某某商贸有限公司授权代理 | \n联系我们\n论坛')).toBe(true);
  });

  it('still counts a strong phrase, and an advert quoted in quotation marks, on a company’s page', () => {
    const footer = shop('© 2024 深圳市某某电子科技有限公司 版权所有');
    expect(suspect('信号屏蔽器 全频段 价格 2680 元，微信 pb8899', footer)).toBe(true);
    expect(suspect('记者看到，群内有人发布“增值税专票，价格 300 元，微信 fapiao8899”的广告', shop('某某日报社有限公司 版权所有'))).toBe(true);
  });

  it("reads an English lawful trader's licence or register in the footer as a company's", () => {
    expect(namesLicence('Greenway Pharmacy Ltd · GPhC registered · Superintendent pharmacist: R. Mistry')).toBe(true);
    expect(namesLicence('© 2026 Maple Leaf Cannabis Co. (Licensed Retailer). All rights reserved.')).toBe(true);
    expect(namesLicence("Students' Union registered charity · Accessibility")).toBe(true);
    // A word that holds the letters is no licence, nor is a Chinese footer's 许可证 (every news site names one).
    expect(namesLicence('Scaffle Tools · baffles and shuffles')).toBe(false);
    expect(namesLicence('互联网新闻信息服务许可证 44120170001')).toBe(false);
    const page = (footer: string) => `Decongestant tablets – Greenway Pharmacy | Decongestant tablets | \n${footer}\nDecongestant tablets – Greenway Pharmacy`;
    const block = 'Pseudoephedrine 60 mg, 12 tablets £5.49, add to basket';
    expect(suspect(block, page('Delivery · Returns · Contact us'))).toBe(true);
    expect(suspect(block, page('Greenway Pharmacy Ltd · GPhC registered'))).toBe(false);
  });
});
