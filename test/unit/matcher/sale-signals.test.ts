import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../src/matcher/normalise';
import { detectSaleSignals, type SaleSignal } from '../../../src/matcher/sale-signals';

const signals = (raw: string): Array<Pick<SaleSignal, 'type' | 'value'>> =>
  detectSaleSignals(normaliseText(raw)).map(({ type, value }) => ({ type, value }));
const types = (raw: string): string[] => detectSaleSignals(normaliseText(raw)).map((s) => s.type);

describe('detectSaleSignals', () => {
  it.each([
    ['售价 200元', '售价 200元'],
    ['200元一把', '200元'],
    ['only $450 each', '$450'],
    ['￥1,200', '¥1,200'],
    ['¥ 35', '¥ 35'],
    ['0.05 BTC', '0.05 btc'],
    ['USD 300', 'usd 300'],
    ['3.5万元', '3.5万元'],
    ['price: 99', 'price: 99'],
    ['源码 500U，代搭建 800U', '500u'],
    ['Police Uniform Set ₹ 4,800 / Set', '₹ 4,800'],
    ['Rs. 2350 per piece', 'rs. 2350'],
    ['₽ 9 900', '₽ 9'],
    ['5l for ksh 5,200 only', 'ksh 5,200'],
    ['UGX 250,000 per kg', 'ugx 250,000'],
    ['GH₵ 350 only', '₵ 350'],
    ['5,200 KES per 20 litres', '5,200 kes'],
    ['北斗gps都能屏,260包邮,主页有v', '260包邮'],
  ])('finds the price in %j', (raw, value) => {
    expect(signals(raw)).toContainEqual({ type: 'price', value });
  });

  it('reads a sum under ten a record as what lists of data sell for, not a carton of cigarettes or a count', () => {
    expect(types('宝妈 0.5元/条')).toContain('record');
    expect(types('股民 0.8 元一条，车主 1 元 / 条')).toEqual(['record', 'record']);
    expect(types('软华子 260/条')).not.toContain('record');
    expect(types('共 3 条评论')).not.toContain('record');
  });

  it("does not take a shop's threshold for free shipping for a price", () => {
    expect(types('国内现货,下单 48 小时内发货,满 99 包邮')).not.toContain('price');
  });

  it("does not take a thyroid test's or a programming language's version for a price", () => {
    expect(types('TSH 2.5 mIU/L is in range; upgrade to PHP 8.2')).not.toContain('price');
  });

  it('does not take dates, sizes or ids for prices', () => {
    expect(types('2024年5月 共3页 5 MB abc123元素')).toEqual([]);
    expect(types('a 2U rack server with 4u of space')).toEqual([]);
    expect(types('chapters 1-3, versions 2350 and figs. 12')).toEqual([]);
  });

  it.each([
    ['QQ：12345678', 'qq', 'qq:12345678'],
    ['扣扣 987654321', 'qq', '扣扣 987654321'],
    ['微信: gunshop_88', 'wechat', '微信: gunshop_88'],
    ['加V：abc12345', 'wechat', '加v:abc12345'],
    ['vx abc_12345', 'wechat', 'vx abc_12345'],
    ['v信 sell2024x', 'wechat', 'v信 sell2024x'],
    ['telegram @dealer_x', 'telegram', 'telegram @dealer_x'],
    ['TG: @plug4u', 'telegram', 'tg: @plug4u'],
    ['t.me/plug4u', 'telegram', 't.me/plug4u'],
    ['wickr me: candyman', 'wickr', 'wickr me: candyman'],
    ['WhatsApp +44 7700 900123', 'whatsapp', 'whatsapp +44 7700 900123'],
    ['电话13812345678', 'phone', '13812345678'],
    ['call 138-1234-5678', 'phone', '138-1234-5678'],
    ['+86 139 1234 5678', 'phone', '+86 139 1234 5678'],
  ])('finds the contact handle in %j', (raw, type, value) => {
    expect(signals(raw)).toContainEqual({ type, value });
  });

  it('finds handles hidden with separators', () => {
    expect(types('Q Q 1 2 3 4 5 6 7')).toContain('qq');
    expect(types('1 3 8 1 2 3 4 5 6 7 8')).toContain('phone');
  });

  it('ignores lookalikes', () => {
    expect(types('the qq-plot shows 12 points; order 12345678901234; abctg: somebody; 12812345678')).toEqual([]);
    expect(types('微信支付 wechat pay')).toEqual([]);
  });

  it('counts one handle once when two rules see it', () => {
    expect(types('微信 13812345678')).toEqual(['wechat']);
  });
});

describe('prices and handles as adverts write them', () => {
  it.each([
    ['50g 60', 'price'],
    ['冰 0.5g 380 / 1g 650', 'dose'],
    ['1g £80 · 3.5 £250', 'dose'],
    ['3.5g = 600', 'dose'],
    ['叶子也有，加州的花，3.5g一份600', 'dose'],
    ['K粉有，一g 260', 'dose'],
    ['1 month 150, 6 months 600', 'price'],
    ['forever 980.', 'price'],
    ['月卡29.9，永久88', 'price'],
    ['普票1.5个点', 'points'],
    ['配型成功先付 5000 定金', 'price'],
    ['事成给 5 万，车票全包', 'price'],
    ['专票 13% 走 6.5 个点', 'points'],
    ['1g 的 850', 'dose'],
    ['25克一瓶 260', 'price'],
    ['手铐80一副', 'price'],
    ['价格：C1 全包 3800', 'price'],
    ['加 V:zy_fulii999', 'wechat'],
    ['Q:2916xx0735', 'qq'],
    ['dd我:139****6620', 'phone'],
    ['a+ 6 lac paid after op', 'price'],
    ['asking 25 lakhs', 'price'],
    ['1 公斤 2.6 万,500 克起拿', 'price'],
    ['姓名手机小区,0.3/条', 'price'],
    ['单查 200/次', 'price'],
    ['铐 150/副 两副起', 'price'],
    ['配型成功给4万5现金', 'price'],
    ['比例 1:8，起步 1 万面值', 'price'],
    ['网上叫卖“高仿币1比8”', 'price'],
    ['五代 100 面值, 1:8 出', 'price'],
    ['出 一比五 新版百元', 'price'],
    ['出点好东西,1比8,懂的来', 'price'],
    ['营养费 4.5 万现结', 'price'],
    ['lowers 350 each, complete rifle 1100', 'price'],
    ['外地藏在零食里发', 'concealment'],
    ['品名写“洗涤剂”', 'concealment'],
    ['packed inside a candle', 'concealment'],
    ['wrapped as "resin craft"', 'concealment'],
    ['安全清关 双清包税到门', 'concealment'],
    ['海关查扣免费补发一次', 'concealment'],
    ['free reship if seized', 'concealment'],
    ['reship policy: one resend', 'concealment'],
    ['国内客户无需提供任何证件', 'unchecked'],
    ['不需要购买证明和备案', 'unchecked'],
    ['起订量 10克起,个人可买', 'unchecked'],
    ['不问用途，当天发货', 'unchecked'],
    ['passes pen + UV', 'forgery'],
    ['feels real', 'forgery'],
    ['looks exactly like the real one', 'forgery'],
    ['passes UV', 'forgery'],
    ['receipts that look 100% original', 'forgery'],
    ['以假乱真', 'forgery'],
    ['各类证件 一比一 可过机 当天取', 'forgery'],
    ['芯片可读，过机不报警', 'forgery'],
    ['genuine booklet entered into the issuing system', 'forgery'],
    ['Real Database Entry', 'forgery'],
    ['UK driving licence (DVLA registered)', 'forgery'],
    ['Pass every scanner, airport and police check', 'forgery'],
    ['passes chip readers and e-gates', 'forgery'],
    ['receipts from any store, any date, any amount', 'forgery'],
    ['pay stubs, any employer, any salary', 'forgery'],
    ['incall at my apartment or outcall to hotels', 'sale-word'],
    ['duration incall outcall', 'sale-word'],
  ])('finds %j', (raw, type) => {
    expect(types(raw)).toContain(type);
  });

  it('does not read a dosage, a year or a page count as a price', () => {
    expect(types('take 2 tablets of 50mg; 2024年; 共3页; 5 g of sugar')).toEqual([]);
    expect(types('the blackjack table, a lacquered box, 3 lackeys')).toEqual([]);
    expect(types('他把秘密藏在心里，写“你好”寄托思念')).toEqual([]);
    // A thing made to look like another (a stun gun shaped as a torch) is the goods' form, not goods hidden from the carrier.
    expect(types('stun guns disguised as torches or phones')).toEqual([]);
    // A glossary's mules who forward goods bought with stolen cards: no promise about customs.
    expect(types('buying gift cards, or reshipping goods')).toEqual([]);
    expect(types('每 100 克 1.2 万单位; 比分 3/4; 第 1,2/3 条; 5 公斤 8 万人次')).toEqual([]);
    expect(types('do 12 each side, 3 sets; 2 each; 1,250 each year')).toEqual([]);
    expect(types('open 7 days 24 hours; 30 days 100% refund; forever 21; 永久 3 天')).toEqual([]);
    expect(types('给 5 万人次发放; 交 300 份作业')).toEqual([]);
    expect(types('全市 3 万 5 个小区; 1.2 万人次; 共 8 万 2 千册; 共8万2千册')).toEqual([]);
    expect(types('主队1比2落败; 比分 1:3; 比例尺 1:50000; 模型 1:64; 兑换比例 1:1')).toEqual([]);
    expect(types('每一g 含 30 毫克; 统一克 100')).toEqual([]);
    expect(types('查获甲基苯丙胺9.3克。2026年1月9日; 共 500 克 2026年')).toEqual([]);
    // A salon that receives clients, a payroll app's "any date range": one term of the trade, or none.
    expect(types('incall at our clinic only; pick any date range; any amount of help')).toEqual([]);
  });

  it('reads a gram or a few with its price as a dose, and food sold by the hundred grams or a scale reading as none', () => {
    expect(types('雪花酥 500g 58')).toEqual(['price']);
    expect(types('每份 5g 100ml')).not.toContain('dose');
    expect(types('1g 150mg')).not.toContain('dose');
    expect(types('金价 580元/克')).not.toContain('dose');
  });
});

describe('a banknote named by its face value', () => {
  it('reads the sum that names a note as its face value, not a price', () => {
    expect(types('摆摊收到一张100元假币,教大家几个鉴别方法')).toEqual([]);
    expect(types('发现少量伪造的10元、20元小面额假币')).toEqual([]);
    expect(types('how to spot fake £20 and £50 notes, or $100 bills')).toEqual([]);
  });

  it("keeps a seller's price beside the notes it names", () => {
    expect(types('fake £20 notes for sale £250')).toEqual(['price']);
    expect(types('50元假币 1比8 包邮')).toContain('price');
  });
});

describe('a dose priced after a slash', () => {
  it('reads "1g/260" as a dose and its price, as dealers\' menus write them', () => {
    expect(types('布鲁斯小包 1g/260,3g/700')).toEqual(['dose', 'dose']);
    expect(types('5g/100ml 稀释')).not.toContain('dose');
  });
});

describe('a sum behind a goods word, by the piece or as a floor', () => {
  it('reads "驾照 4500 全包" and "基础档 200 起" as prices, and a count of cases as none', () => {
    expect(signals('c1 驾照 4500 全包,不用考试')).toEqual([{ type: 'price', value: '4500 全包' }]);
    expect(types('基础档 200 起,全档 1500')).toContain('price');
    expect(types('今年共破获案件 146 起，抓获 286 人')).toEqual([]);
  });
});
