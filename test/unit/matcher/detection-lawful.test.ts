import { describe, expect, it } from 'vitest';
import { phrases, suspect } from './builtin-verdicts';

/* Lawful commerce near the categories: what a shop or a studio says of its goods is no offer of contraband. */

describe('lawful commerce', () => {
  it("reads 象牙 as an everyday word, as \"ivory\" is: a tagua or mammoth carver's shop names it beside its prices", () => {
    expect(suspect('象牙果手串,手感接近动物象牙,¥68')).toBe(false);
    expect(suspect('象牙 手镯 老料 ¥6600,微信 xu_zaxiang2')).toBe(true);
    expect(suspect('象牙 穿山甲片 都有 ¥1800')).toBe(true);
  });

  it("reads a UK certificate holder's variation and his reloading as a shooter's own words", () => {
    expect(suspect('Finally got my FAC variation for 9mm through. Single stage press for reloading, about £300?')).toBe(false);
    expect(suspect('9mm pistol, £300, collection only, no paperwork')).toBe(true);
  });

  it("reads a bank's or an officer's confiscation as a report's, not an offer's", () => {
    expect(suspect('收了一张100,拿去银行,柜员直接说是假币,当面盖章收缴了,给了我一张收缴凭证。')).toBe(false);
    // It is a benign word: an offer in full with a handle still counts beside it ("被没收包赔").
    expect(suspect('高仿假币 1:8 出,过验钞机,被没收包赔,微信 jb8899')).toBe(true);
  });

  it("reads a would-be victim's report of an offer made to them as a question, not an offer", () => {
    expect(suspect('Is this a scam? Someone on Instagram offered me $500 to "borrow" my bank account for a day, then I Zelle it back.')).toBe(false);
    expect(suspect('My 17-year-old got a DM offering £500 to let a business use his bank account, paid by Zelle. Is this what they call a money mule?')).toBe(false);
    expect(suspect('Let us use your bank account for a day: $500, paid by Zelle. Money mule jobs pay weekly.')).toBe(true);
  });

  it('reads a run of x that masks a number or an address as a mask, not as adult content', () => {
    expect(phrases('客服微信 shop_kefu01，电话 400-xxx-3155')).toEqual([]);
    expect(phrases('QQ 群 6672xxxx3，邮箱 order@shop-xxx.com')).toEqual([]);
    expect(suspect('xxx videos, $10 a pack, Telegram @clips_store')).toBe(true);
  });

  it('reads a film prop shop, an imitation-ivory carver, an invoice template and an airline\'s rules as lawful', () => {
    expect(suspect('Motion picture prop money, aged $100 stacks, $64.00, add to cart')).toBe(false);
    expect(suspect('Counterfeit money that passes pen test, $64 per stack, add to cart')).toBe(true);
    expect(suspect('Netsuke in ivory-tone resin, $64.00, add to cart. We never use ivory or horn.')).toBe(false);
    expect(suspect('Raw ivory tusk, $650/kg, WhatsApp +44 7700 900418')).toBe(true);
    expect(suspect('Editable invoice template for small business, $5.60, add to cart')).toBe(false);
    expect(suspect('Firearms: ammunition max 5 kg (11 lb) per passenger, in checked baggage only; call 1-800-555-0100')).toBe(false);
  });

  it("reads a Faraday bag's shop, which names what the bag blocks, as lawful", () => {
    expect(suspect('法拉第袋手机信号屏蔽袋 防定位 防追踪 车钥匙防盗袋 京东价 ¥39.90 有货')).toBe(false);
    expect(suspect('Faraday pouch for key fobs: stops relay attacks and blocks GPS to your own phone, $34.00, add to cart')).toBe(false);
    expect(suspect('GPS jammer plug: blocks GPS for the whole truck, $60, add to cart')).toBe(true);
    expect(suspect('车载防定位防追踪 屏蔽GPS 39.9元 有货')).toBe(true);
  });

  it("reads a shooting range's rates for its lanes and rental guns as the range's", () => {
    expect(suspect('Indoor range: lane rental $22 per hour · gun rental $15 per firearm · must buy range ammo')).toBe(false);
    expect(suspect('Glock 19 and ammo, $550, text 07700 900418')).toBe(true);
    expect(suspect('射击馆 年度会员 入场免费、弹药 8 折 ¥ 3,800 / 年')).toBe(false);
    expect(suspect('出售弹药 ¥ 3,800 一箱 加微信 zd_998877')).toBe(true);
  });

  it('reads ivory as a colour of lace and a lingerie shop\'s swatch', () => {
    expect(suspect('Selene lace bodysuit $68.00 · Colour: Ivory')).toBe(false);
    expect(suspect('[model wearing ivory lace bodysuit] $68.00, add to cart')).toBe(false);
    expect(suspect('Raw ivory tusk sections $650/kg, add to cart')).toBe(true);
  });

  it("reads a central bank's page on its notes' security features, and a takedown's news, as no offer", () => {
    expect(suspect('Check your banknotes: security features of the £20 and £50. Counterfeit notes are rare.')).toBe(false);
    expect(suspect('Counterfeit notes of £20 and £50, grade A')).toBe(true);
    expect(suspect('Police dismantle malware marketplace: remote access trojans sold for $5')).toBe(false);
  });

  it('reads a neighbourhood police alert about counterfeit cash as a warning', () => {
    expect(suspect('Neighbourhood Watch: sellers warned about counterfeit cash after selling on Marketplace')).toBe(false);
    expect(suspect('Counterfeit cash, selling on Marketplace')).toBe(true);
  });

  it('reads goods that a negation lists as what is not offered', () => {
    expect(suspect('We sell products only, no adult videos or images. Support: help@shop.example')).toBe(false);
    expect(suspect('本店只做手机维修，我们不提供查他人聊天记录、定位他人手机等服务，微信 fix_phone88')).toBe(false);
    expect(suspect('照相馆 我们不做任何证件的制作，只拍照片 ¥39')).toBe(false);
    expect(suspect('本店不承接任何发票的印制或“代开”，收据、送货单 200 元起印，微信 kuaiyin_lao8')).toBe(false);
    expect(phrases('老板说只拍照不代办证件，证件照 ¥39，微信 zhaoxiang_88')).toEqual([]);
    expect(phrases('私聊 V:aw-peijian88，顺丰到付，不开发票哈')).toEqual([]);
    // "要不", "还不" ask or urge: not a refusal.
    expect(phrases('要不代开发票？微信 kp_8899')).toContain('代开发票');
    expect(phrases('Unlike a jammer, it transmits nothing and affects no one else.')).toEqual([]);
    expect(suspect('Not a scam: fake IDs for sale, $150, DM @idz_plug')).toBe(true);
    expect(suspect('Key fob pouch 2-pack $19.95, add to cart')).toBe(false);
    expect(suspect('牦牛骨 仿象牙白 108颗手串 ¥168 包邮')).toBe(false);
    expect(suspect('牦牛骨雕手镯 手工打磨 非象牙 附材质说明 价格 ¥168 立即购买')).toBe(false);
    expect(suspect('Tagua nut "Vegetable Ivory" bangle £42.00, add to basket')).toBe(false);
    expect(suspect('象牙 手镯 老料 ¥16800 包邮 微信 xy_baihuo')).toBe(true);
    expect(suspect('Potassium cyanide, ACS reagent, 100 g $86.50, add to cart')).toBe(false);
    expect(suspect('MS-40220 Potassium cyanide AR ≥97% 100 g £72.00 (restricted)')).toBe(false);
    expect(suspect('TX-8B 考场专用信号屏蔽器 已取得无线电发射设备型号核准 报价 ¥2,400')).toBe(false);
    expect(suspect('全频信号屏蔽器 无需型号核准 个人可购买 ¥880 加微信 pb_2026')).toBe(true);
    expect(suspect('Potassium cyanide 100 g £72.00, no paperwork, WhatsApp +44 7700 900123')).toBe(true);
    expect(suspect('飞碟年卡¥6,800 全年不限次入场，弹药按射击场场内价另计')).toBe(false);
    expect(suspect('Pepper spray and stun gun laws by state: best seller stun gun $34.95')).toBe(false);
    expect(suspect('外形不仿照任何真实枪械，软弹射程 5–8 米，¥59 包邮')).toBe(false);
    expect(suspect('VeriScan ID scanner flags fake IDs and scannable novelty IDs, $649, add to cart')).toBe(false);
    expect(suspect('橡胶防暴棍 60cm ¥45，安保器材 校园、医院 批发')).toBe(false);
    expect(suspect('全场满 99 元包邮，发票可开真实品名，支持电子发票')).toBe(false);
    // A negation inside the offer's own words is not a refusal of its goods.
    expect(suspect('Glock 19, no serial number, $900')).toBe(true);
    expect(suspect('Oxycodone 30mg, no prescription needed, $5 a pill')).toBe(true);
  });

  it('reads the photo of a document as a photo studio\'s service', () => {
    expect(phrases('证件照 1 寸 8 张 ¥39')).toEqual([]);
    expect(phrases('护照照片 出入境标准 ¥45')).toEqual([]);
    expect(suspect('2x2 US passport photos and visa photos, $14.99')).toBe(false);
    expect(suspect('高仿身份证 一张 300 微信 zj_bz888')).toBe(true);
  });

  it('reads a shop\'s invoices and deposits as its own paperwork', () => {
    expect(phrases('产品已取得型号核准 · 可开专票')).toEqual([]);
    expect(phrases('预约需付定金 ¥200，可抵扣总价')).toEqual([]);
    expect(suspect('代开专票 6个点 微信 fp_daikai')).toBe(true);
  });

  it('reads a shop\'s members\' group as adult content only beside its other words', () => {
    expect(suspect('入会员群享受钓场优惠，加微信 diaoju_club 或 QQ 群 66721234')).toBe(false);
    expect(suspect('福利视频 会员群 永久观看 ¥99 加微信 fuli_vip88')).toBe(true);
  });

  it('reads airsoft replicas and an age limit as a lawful shop\'s', () => {
    expect(phrases('Home / Airsoft / AEG rifles')).toEqual([]);
    expect(suspect('M4 airsoft rifle, 350 FPS, £189.99. Sold to UKARA-registered skirmishers only.')).toBe(false);
    expect(suspect('18+ only. Discreet packaging.')).toBe(false);
    expect(suspect('AR-15 rifle, no background check, $900, Telegram @armory_x')).toBe(true);
  });
});

describe('lawful commerce in everyday Chinese', () => {
  it('reads 原味 as a flavour unless adult-content words stand beside it', () => {
    expect(suspect('原味雪花酥 ¥58/500g，抹茶味 ¥62/500g，微信 xuehua_su88')).toBe(false);
    expect(suspect('原味 丝袜 私房照 打包 ¥99 加 v：yuanwei_520')).toBe(true);
  });

  it('reads "量大可开票" as a wholesaler issuing its own invoices', () => {
    expect(suspect('批发请加微信 dali_wujin，量大包邮，可开票。')).toBe(false);
    expect(suspect('代开发票 各行业 点数低 微信 kp_8899')).toBe(true);
  });

  it('reads a network card\'s monitor mode, a document photo with its receipt and a rental\'s residence registration as lawful', () => {
    expect(suspect('二手无线网卡 支持监听模式 Kali免驱 ¥80 微信 pi_seller01')).toBe(false);
    expect(suspect('驾驶证照片 + 回执 ¥30，驾校体检通用')).toBe(false);
    expect(suspect('护照/港澳通行证照片 + 回执 ¥40 符合出入境标准')).toBe(false);
    expect(suspect('整租 2800/月，可办理居住证登记，电话 13812345678')).toBe(false);
  });

  it('reads records a business says it does not look up, and the law it cites, as no offer', () => {
    expect(suspect('背调套餐 ¥399：不查询候选人的征信报告（须候选人自行提供）、银行流水、通话记录、住宿和出行记录、手机定位。')).toBe(false);
    expect(suspect('我们依照《个人信息保护法》处理个人信息，背调 ¥399 起。')).toBe(false);
    expect(suspect('查通话记录 查出行记录 一条 200 飞机 @chaxun_88')).toBe(true);
  });

  it('reads a dealer\'s checks on who may buy, a bookkeeper\'s trade and a security guard\'s uniform as lawful', () => {
    expect(suspect('NS-4420 sodium cyanide, 98% 100 g £41.00 – supplied only to verified business accounts')).toBe(false);
    expect(suspect('Paraquat 2.5 gallon $189 – sold only to certified applicators, verify licence & add to cart')).toBe(false);
    expect(suspect('Payslips and P60s for up to 5 staff, year-end accounts and self assessment – £30/month')).toBe(false);
    expect(suspect('新式保安执勤服,含肩章、臂章、帽子,30 套起订,¥145/套')).toBe(false);
    expect(suspect('Sodium cyanide 98% 1 kg $120, no account needed, ship worldwide, WhatsApp +44 7700 900321')).toBe(true);
    expect(suspect('Custom payslips, any employer, 3 months £45, order on Telegram @docs_uk')).toBe(true);
  });

  it('reads drug-checking reagent kits, a police appeal and a bank\'s "for any reason" refusal as no offer', () => {
    expect(suspect('Marquis reagent — 5ml identifies MDMA, MDA, amphetamine by colour reaction. $19.99 add to cart')).toBe(false);
    expect(suspect('If you know someone is selling guns or making explosives, tell us online or anonymously through the independent crime charity.')).toBe(false);
    expect(suspect('银行卡、U盾、网银仅限本人使用,请勿以任何理由出租、出借、出售给他人。')).toBe(false);
    expect(suspect('MDMA crystal 84% 1g €35, reagent tested, ships from NL')).toBe(true);
    expect(suspect('出售银行卡 一类卡 四件套 3000 一套 加微信 ka_8899')).toBe(true);
  });

  it('reads a Faraday pouch, roller derby\'s jammer, a firewall\'s DDoS defence and a passport wallet as lawful', () => {
    expect(suspect('Thieves use a relay attack on keyless cars. Our Faraday pouch blocks the fob, £12.99 add to cart')).toBe(false);
    expect(suspect('Our next home bout is Saturday, tickets £8: come and cheer for our top jammer!')).toBe(false);
    expect(suspect('企业级防火墙 抗DDoS 千兆 ¥3999 加入购物车')).toBe(false);
    expect(suspect('真皮护照夹 证件包 可刻字 ¥168 加入购物车')).toBe(false);
    expect(suspect('Relay attack kit for keyless cars £900, Telegram @keyless_uk')).toBe(true);
    expect(suspect('GPS jammers for trucks $45, 10 in stock, WhatsApp +1 555 0142')).toBe(true);
    expect(suspect('DDoS 攻击 打服务器 包月 800 飞机 @ddos_tg')).toBe(true);
  });

  it('reads a poster\'s prohibition mark before a dealing as a warning', () => {
    expect(suspect('❌ 出租、出借、出售银行卡、U盾、手机卡')).toBe(false);
    expect(suspect('出租、出借、出售银行卡、U盾、手机卡')).toBe(true);
  });

  it('reads bedding\'s 四件套 as a set of four, and a bank account\'s kit beside a price and a handle', () => {
    expect(suspect('纯棉四件套 1.8m床 被套×1、床单×1、枕套×2')).toBe(false);
    expect(suspect('四件套性价比很高')).toBe(false);
    expect(suspect('收四件套 一套 3000 加微信 ka_8899')).toBe(true);
    expect(suspect('银行卡四件套 长期收')).toBe(true);
  });

  it('reads a law\'s "is restricted" and a photo studio\'s licence medical photo as no offer', () => {
    expect(suspect('驾驶证体检照 ¥35 白底 22×32mm')).toBe(false);
    expect(suspect("Selling or supplying cyanide salts to the public is restricted. If you find old chemicals in a shed or garage, don't open them.")).toBe(false);
    expect(suspect('Sodium cyanide salts, 1 kg $120, WhatsApp +44 7700 900321')).toBe(true);
    expect(suspect('驾驶证 不用考 直接出 ¥3500 加微信 jz_8899')).toBe(true);
  });

  it('reads a warning that the law forbids the deal to a private buyer as no offer', () => {
    expect(suspect("Don't go near cyanide at home: in the UK you can't legally buy it, and a listing offering it for £45 is a scam.")).toBe(false);
    expect(suspect('Ketamine is a controlled drug: possession without a prescription, supply and manufacture are offences.')).toBe(false);
    expect(suspect('Cyanide for £45, posted discreetly, WhatsApp +44 7700 900321')).toBe(true);
  });

  it('reads the protection of personal information as a privacy page\'s words, and a list of it on sale as data', () => {
    expect(suspect('隐私政策 用户协议 个人信息保护负责人邮箱 privacy@example.com')).toBe(false);
    expect(suspect('出售个人信息 一万条 800 飞机 @data_8899')).toBe(true);
  });

  it('reads a shop\'s e-invoice and an industrial supplier\'s request for a quotation as lawful trade', () => {
    expect(suspect('发票什么时候收到? 确认收货后开具,电子发票发送至下单邮箱,纸质专票随后邮寄。')).toBe(false);
    const supplier = 'Sodium cyanide briquettes 98% — Industrial Chemicals | Sodium cyanide 98% £1,450 per tonne, in stock | \nSodium cyanide briquettes 98%';
    expect(suspect('Sodium cyanide briquettes 98% (NaCN) — request a contract quotation', supplier)).toBe(false);
    expect(suspect('Sodium cyanide briquettes 98% (NaCN), 1 t drums', supplier)).toBe(true);
    expect(suspect('代开各类专票 6 个点,加微信 fp_8899')).toBe(true);
    expect(suspect('Sodium cyanide 98%, 1 kg $120, no paperwork, WhatsApp +44 7700 900321')).toBe(true);
  });
});
