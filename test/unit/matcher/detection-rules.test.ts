import { describe, expect, it } from 'vitest';
import { standsAsWord } from '../../../src/matcher/word-boundaries';
import { builtinMatcher as matcher, phrases, suspect } from './builtin-verdicts';

describe('detection rules', () => {
  it('reads a phrase inside an everyday compound as the compound', () => {
    expect(phrases('Cordless glue gun $34.99, order now')).not.toContain('gun');
    expect(suspect('Cordless glue gun $34.99, order now')).toBe(false);
    expect(phrases('热风枪 出售 价格 99元')).toEqual([]);
    expect(suspect('Pistol for sale $400, DM me')).toBe(true);
  });

  it('reads symbols dropped between characters as separators', () => {
    expect(phrases('做 跑❤分 日入500')).toContain('跑分');
    expect(phrases('出★售枪支')).toContain('出售枪支');
  });

  it('takes a one-character Chinese term only where it is a word of its own', () => {
    expect(standsAsWord('双开门冰箱特价', 3, 4)).toBe(false);
    expect(standsAsWord('出售冰 一克', 2, 3)).toBe(true);
    expect(standsAsWord('冰淇淋机', 0, 1)).toBe(false);
  });

  it('counts a code word beside goods hidden from the carrier, with a price or a handle', () => {
    expect(suspect('有冰 0.5 的 400，外地夹在茶叶里寄，飞机 @bingtang_77')).toBe(true);
    expect(suspect('冰 0.5 的 400，外地顺丰到付，飞机 @bingtang_77')).toBe(false);
    expect(suspect('Got that ice, $90 a gram, packed inside a candle, text 555-201-3344')).toBe(true);
    expect(suspect('Got that ice, $90 a gram, ships next day, text 555-201-3344')).toBe(false);
    // Hidden goods without a price or handle are a story, not an offer.
    expect(suspect('他说冰是藏在零食里发的')).toBe(false);
  });

  it("reads an everyday word for people's data beside a sum under ten a record as the trade's", () => {
    expect(suspect('宝妈(姓名电话孩子出生日期住址) 0.5 元/条')).toBe(true);
    expect(suspect('宝妈(姓名电话孩子出生日期住址) 登记表 5 元一份')).toBe(false);
  });

  it('reads an everyday invoice word beside a fee in points of its face value as the trade\'s', () => {
    expect(suspect('增值税专用发票 13% 5.5 个点')).toBe(true);
    expect(suspect('增值税专用发票 13%，开票后 5 个工作日内寄出')).toBe(false);
  });

  it('reads a check that an English seller says is skipped as the seller\'s claim, not a lawful shop\'s word', () => {
    expect(suspect('RESTOCK no paperwork, no background check • Glock 17/19 – $850 • AR-15 – $1,100')).toBe(true);
    expect(suspect('Glock 17/19 – $850 • AR-15 – $1,100. Background check required at pickup.')).toBe(false);
  });

  it('reads a minimum order and a basket as sale words', () => {
    const notice = 'Police warn of drug delivery adverts | County Police | Officers said the adverts were seized';
    matcher.scanBlock([notice]);
    expect(matcher.scanBlock(['Coke 1g $300 | 3g $800, Ice 1g $250. Delivery 30-45 min, min order $200'], notice).suspect).toBe(true);
    expect(matcher.scanBlock(['Coke 1g $300 | 3g $800, Ice 1g $250.'], notice).suspect).toBe(false);
  });

  it('reads an offer\'s own words in marks of their own as named, not made', () => {
    expect(suspect('FAQ: what is "fullz"? Can I see what was leaked?')).toBe(false);
    expect(suspect('Fresh fullz, all states, updated daily')).toBe(true);
    // Named in marks beside the block's terms, they still count as the goods.
    expect(suspect('Selling "fullz" $20 each, DM @fullz_plug')).toBe(true);
  });

  it('reads an offer\'s own words in a question that asks whether one may use them as named', () => {
    expect(suspect('Can a teacher legally use a cell phone jammer in a classroom?')).toBe(false);
    // An advert's own question opens with no question word.
    expect(suspect('Need a cell phone jammer? Quiet rooms guaranteed.')).toBe(true);
  });

  it('reads a seller\'s calls to order and the checks it skips as sale words', () => {
    // A news page's quoted advert: its prices and "DM to order" are its terms, as a handle would be.
    const news = 'Zombie knives still sold to teens despite ban | Advertiser | Banned knives are sold openly, an investigation found';
    matcher.scanBlock([news]);
    expect(matcher.scanBlock(['KNUCKLE DUSTERS 🔪 UK next day delivery 📦 NO ID CHECK dusters £15 · 3 items £65 DM to order'], news).suspect).toBe(true);
    expect(matcher.scanBlock(['Knuckle dusters £15, three for £65.'], news).suspect).toBe(false);
  });

  it('counts a code word in a dealer\'s whole offer: a handle and five terms', () => {
    expect(suspect('Fresh ice in: $90 a gram, $300 an 8th, same day drop, cash or BTC, text 555-201-3344 or tg @icebox_77')).toBe(true);
    // A snack shop's two prices and WeChat, a courier's terms beside a price and a handle: three terms.
    expect(suspect('原味雪花酥 ¥58/500g，抹茶味 ¥62/500g，微信 xuehua_su88')).toBe(false);
    expect(suspect('冰 0.5 的 400，外地顺丰到付，飞机 @bingtang_77')).toBe(false);
  });

  it('reads a phone number masked group by group as a number, not adult content', () => {
    expect(phrases('Call +1 4xx xxx 0193 for the booking')).not.toContain('xxx');
    expect(phrases('080 xxx 5512')).not.toContain('xxx');
    expect(phrases('free xxx videos')).toContain('xxx');
  });

  it('reads an everyday document word beside a forger\'s promise that it passes for the real one as the forgery', () => {
    expect(suspect('Receipts and VAT invoices that look exactly like the real thing, message me')).toBe(true);
    expect(suspect('Receipts and VAT invoices printed on till roll, message me')).toBe(false);
    expect(suspect('身份证 一比一 做工 380')).toBe(true);
    // A warning that says forgeries look real is a warning.
    expect(suspect('Warning: fake receipts look exactly like the real thing, police said.')).toBe(false);
  });

  it('reads selling that the writer saw others do, and a question whether one may buy, as no offer', () => {
    const forum = 'Boss put a GPS tracker in my truck — is a jammer legal? | |\n\nBoss put a GPS tracker in my truck — is a jammer legal?';
    expect(matcher.scanBlock(['I see guys selling cig lighter GPS blockers for like $50. Worth it?'], forum).suspect).toBe(false);
    expect(matcher.scanBlock(['Selling cig lighter GPS blockers for like $50, message me'], forum).suspect).toBe(true);
    expect(suspect('Can I buy codeine without a prescription?')).toBe(false);
    expect(suspect('Need codeine without a prescription? $90 a bottle')).toBe(true);
  });

  it('asks a strong phrase on a report\'s page for a price, a contact or two sale words', () => {
    const notice = '关于治理低俗色情导流行为的公告 | 某平台 | 违法 举报\n\n关于治理低俗色情导流行为的公告';
    expect(matcher.scanBlock(['部分账号在评论区、私信中兜售色情视频会员'], notice).suspect).toBe(false);
    expect(matcher.scanBlock(['兜售色情视频会员，私信，秒发'], notice).suspect).toBe(true);
  });

  it('reads an official way to check (查询渠道) and a purchase notice\'s title (购买须知) as no seller\'s', () => {
    expect(suspect('查询渠道：学历证书可在学信网查询，认证费每份 95 元')).toBe(false);
    expect(suspect('毕业证 有渠道 每份 950 元')).toBe(true);
    const notice = '含麻黄碱感冒药购买须知 - 某大药房 | |\n\n含麻黄碱感冒药购买须知 - 某大药房';
    expect(matcher.scanBlock(['新康泰克 复方盐酸伪麻黄碱缓释胶囊 ¥19.80'], notice).suspect).toBe(false);
  });

  it('keeps a post with two prices and three calls to deal an offer, though a warning follows it in its block', () => {
    const post = 'Healthy kidney donors available now, $38,000 or $55,000 with travel, inbox me, serious only.';
    expect(suspect(`${post} Admin: buying or selling organs is illegal.`)).toBe(true);
    expect(suspect('Kidney donors, $38,000. Admin: buying or selling organs is illegal.')).toBe(false);
  });

  it('reads a strong phrase named in passing in a paragraph of prose as no offer', () => {
    expect(suspect("Worth knowing the thieves also use GPS jammers once the car's away so trackers can't report. That's why the better trackers have jamming detection.")).toBe(false);
    expect(suspect('Learn how attackers use phishing kits and remote access trojans, so that you can defend the networks you run against them.')).toBe(false);
    expect(suspect('GPS jammers for trucks, 5 bands, plug and play')).toBe(true);
    expect(suspect("Worth knowing: I've got GPS jammers for trucks in stock, plug and play, they knock out every tracker in the cab within a few metres.")).toBe(true);
  });

  it('reads a heading or tag line that asks or teaches as naming the goods, unless a term of an offer stands beside them', () => {
    expect(suspect('Phishing kits: how they are built and taken down')).toBe(false);
    expect(suspect('Tags: phishing kits, MFA, training · 18 comments')).toBe(false);
    expect(suspect('有人说可以"花钱买肾源、不用排队",是真的吗?')).toBe(false);
    // A shop's notice under a product headline that offers the goods with a price.
    const shop = '剧毒试剂 氰化钠 - 试剂商城 | 氰化钠 分析纯 500g ¥ 120 | \n© 2026 试剂商城\n剧毒试剂 氰化钠 - 试剂商城';
    expect(suspect('剧毒化学品购买须知', shop)).toBe(false);
    expect(suspect('剧毒化学品现货', shop)).toBe(true);
    expect(suspect('Phishing kits for sale')).toBe(true);
    expect(suspect('Phishing kits: how to order – $150, Telegram @kitshop_01')).toBe(true);
  });

  it('reads a broker who provides the donor as an organ trade', () => {
    expect(suspect('Kidney transplant in 4 weeks. No waiting list. Donor provided.')).toBe(true);
    expect(suspect('Our transplant centre follows the national waiting list; a living donor must be a relative.')).toBe(false);
    // …and who pays the donor as part of the package.
    expect(suspect('Unrelated paid donor, blood group match guaranteed')).toBe(true);
    expect(suspect('Donor compensation included in all packages.')).toBe(true);
    // A hospital's page names an employer's leave for donors, and research names the trade in prose.
    expect(suspect('Some employers offer paid donor leave; ask your HR team.')).toBe(false);
    expect(suspect('Patients who travel abroad to buy kidneys from unrelated paid donors are regularly seen in home-country transplant clinics, a study found.')).toBe(false);
  });

  it('counts a code word priced by the dose, a gram or a few', () => {
    expect(suspect('❄️ 冰（透明大颗粒）：0.5g 380 / 1g 650')).toBe(true);
    expect(suspect('Fresh ice in, 1g £80 · 3.5 £250')).toBe(true);
    // A dessert shop sells ice by the bag and the hundred grams.
    expect(suspect('❄️ 冰（透明大颗粒）：500g 38')).toBe(false);
  });

  it('counts a priced menu of three different code words as the trade', () => {
    expect(suspect('本周：冰 0.5 = 380 ｜ 叶子 3.5 = 520 ｜ 邮票 一张 120')).toBe(true);
    expect(suspect('本周：冰 0.5 = 380 ｜ 叶子 3.5 = 520')).toBe(false);
    expect(suspect('冰 叶子 邮票，都是黑话')).toBe(false);
  });

  it("counts two different code words of one category beside a messenger handle as a dealer's menu", () => {
    expect(suspect('🍬糖、❄冰、🍃叶子都有，同城 1 小时送达，飞机 @ye_mao_zi_x')).toBe(true);
    expect(suspect('❄冰 都有，同城 1 小时送达，飞机 @ye_mao_zi_x')).toBe(false);
    expect(suspect('冰粉、糖水都有，微信 tianpin88 下单')).toBe(false);
  });

  it('counts a food word only beside a drug name and sale intent', () => {
    expect(suspect('刨冰机 出冰快 ￥2680 包邮')).toBe(false);
    expect(suspect('冰毒 冰 一克 300元 微信 ice2024x')).toBe(true);
    expect(suspect('Best plug online, stealth shipping')).toBe(false);
    expect(suspect('Best plug for oxycodone online, stealth shipping')).toBe(true);
  });

  it('demotes a report without an offer, and keeps a quoted offer with its contact', () => {
    expect(suspect('警方破获一起非法买卖枪支案件，缴获气枪12支。')).toBe(false);
    expect(suspect('Police said the man sold pistols and ammunition from his flat; he was sentenced to 8 years.')).toBe(false);
    // The advert the report quotes, contact and price included: the contact may still be live.
    expect(suspect('记者调查发现，卖家称：“气枪 1800元一支，加微信 qiang888 发货”')).toBe(true);
    expect(suspect('Police said the advert read: "Glock 19, $900, Telegram @ironman_uk"')).toBe(true);
  });

  it('demotes a help page’s prohibition and a glossary’s definition of a strong term, but not an offer beside them', () => {
    expect(suspect('为什么不能私自购买使用手机信号屏蔽器？')).toBe(false);
    expect(suspect('个人不得购买和使用信号屏蔽器，屏蔽器仅限经批准的单位使用。')).toBe(false);
    expect(suspect('社工库：全称社会工程学数据库，汇总各渠道泄露的数据。')).toBe(false);
    expect(suspect('Is it legal to buy a cell phone jammer? No: it is against the law to use one.')).toBe(false);
    // The same words where an offer stands in full: a seller's handle with a price.
    expect(suspect('手机信号屏蔽器 出售 ¥680 微信 pb_shop88')).toBe(true);
    expect(suspect('社工库 查询 一次 50元 tg @sgk_bot88')).toBe(true);
  });

  it('counts a fake invoice\'s claim to pass the tax office\'s check as sale intent', () => {
    expect(suspect('各行业都有 真票 专票 可抵扣')).toBe(false);
    expect(suspect('各行业都有 税局可查 真票 专票 可抵扣')).toBe(true);
  });

  it('counts payment in crypto, gift cards or by wire service as sale intent', () => {
    expect(suspect('EU national ID card – from €900')).toBe(false);
    expect(suspect('EU national ID card – from €900, payment Bitcoin, USDT (TRC20) or Western Union')).toBe(true);
    expect(suspect('Keylogger build, pay with Amazon gift cards')).toBe(true);
    expect(suspect('Keylogger build, lifetime updates')).toBe(false);
  });

  it('asks a strong phrase beside a report’s words for a handle or an offer’s price, not for a sum lost', () => {
    expect(suspect('我局接连受理3起“网上办证被骗”的报警：事主想花钱买一本驾驶证，最多的一人被骗1.9万元。')).toBe(false);
    expect(suspect('警方提醒：有人仍在群里叫卖，办证 一本 800元 加微信 bz_88899')).toBe(true);
    // A report gives an e-mail address for tips; a seller, a handle.
    expect(suspect('安全研究员在地下论坛监测到社工库广告，线索请发 tips@sec-lab.example，警方已介入')).toBe(false);
    expect(suspect('Encyclopedia: a mobile phone jammer is a device that blocks signals.')).toBe(false);
    expect(suspect('Report someone selling fake invoices online or by phone on 0300 200 4411.')).toBe(false);
    expect(suspect('Other websites sell fake passports. Using a fake passport is a criminal offence; call 0300 222 0000.')).toBe(false);
    expect(suspect('我院器官移植科：怎样才能等到肾源？由我院在器官分配系统中登记。')).toBe(false);
  });

  it('reads lawmaking as a report', () => {
    expect(suspect('Statehouse passes ban on unserialized gun kits; governor expected to sign')).toBe(false);
    expect(suspect('Unserialized gun kits in stock, $450, DM me')).toBe(true);
  });

  it('does not let a benign word inside an offer count as benign ("no prescription required")', () => {
    expect(suspect('Tramadol 100mg, no prescription required, $2 per pill')).toBe(true);
    expect(suspect('KCN 98%, 10g $95, escrow only. Reship once if seized with proof.')).toBe(true);
    expect(suspect('Customs officers seized 10g of KCN priced at $95.')).toBe(false);
    expect(suspect('Tramadol 50mg capsules. Prescription required. $12.50 for 30')).toBe(false);
  });
});

describe('the page genre and the reasons', () => {
  it('asks a block on a report page for a price or contact, and keeps an advert quoted in its own block', () => {
    const page = 'Man jailed over online gun sales – Court news';
    expect(matcher.scanBlock(['He offered pistols for sale and ammunition to buyers.'], page).suspect).toBe(false);
    expect(matcher.scanBlock(['He offered pistols for sale and ammunition to buyers.']).suspect).toBe(true);
    expect(matcher.scanBlock(['Glock 19 for sale, $900, Telegram @ironman_uk'], page).suspect).toBe(true);
  });

  it('takes an advert in quotation marks inside a report for an offer, but not a quoted term', () => {
    expect(suspect('警方通报，嫌疑人发布广告：“硫酸铊 25克一瓶 260，不用证，顺丰发货”，已被刑拘。')).toBe(true);
    expect(suspect('警方提醒：不要参与“帮忙走流水”，出售银行卡违法。')).toBe(false);
  });

  it('reads a sale word that a negation lists as the refusal\'s', () => {
    expect(suspect('银行卡及账户只限本人使用，不得出租、出借、出售银行卡或“四件套”。')).toBe(false);
    expect(suspect('长期出租银行卡 四件套 加微 kahao_2024')).toBe(true);
    // …and so does a law that prohibits it ("prohibits operating or selling", "illegal to buy or sell").
    expect(suspect('Not legal in the US. The FCC prohibits operating or selling jammers, schools included.')).toBe(false);
    expect(suspect('Jammers for sale, shipping today, selling 5-band units')).toBe(true);
  });

  it('takes a quoted claim with only a sale word for a term, and a quoted advert with its price for an offer', () => {
    expect(suspect('我校发现有不法分子冒用我校名义，声称可“代办本校毕业证、学位证”，现郑重声明如下')).toBe(false);
    expect(suspect('我校发现有不法分子冒用我校名义，声称可“代办本校毕业证 学位证 3800元”，现郑重声明如下')).toBe(true);
  });

  it('keeps a seller\'s full offer beside one stray benign word, but not a shop\'s', () => {
    expect(suspect('屏蔽器 便携款 ¥358，全国包邮，加微 pbq_2024。评论：这个违法吧？')).toBe(true);
    expect(suspect('Oxycodone 5mg, prescription required, $12 or $10 each, add to cart')).toBe(false);
  });

  it('asks a block on a club\'s or an office\'s page for more than a fee', () => {
    const club = 'Membership & Courses – Cedar Valley Rifle Club | range safety and fees';
    expect(matcher.scanBlock(['Basic Rifle – 6 hours, $95'], club).suspect).toBe(false);
    expect(matcher.scanBlock(['Rifle for the right buyer, $950, text 07700 900418'], club).suspect).toBe(true);
  });

  it('reads the genre the headline says most: a vendor page that names a licence once is no report', () => {
    const vendor = '羟亚胺 99% 现货 公斤起订 | 许可证 | WhatsApp: +86 138-0000-4417 批发 求购';
    // The page's text goes through the prefilter, as the headline's does on a page.
    matcher.scanBlock([vendor]);
    expect(matcher.scanBlock(['同时供应：盐酸麻黄碱、1-苯基-2-丙酮，现货'], vendor).suspect).toBe(true);
  });

  it('reads a headline with prices and three different sale words as a vendor’s, though it reports once', () => {
    const shop = (terms: string) => `3-MMC Crystal 99.7% – Buy Online | NovaLab | ${terms} Smooth, according to our regulars.`;
    const tile = '3-MMC crystal 99.7% add to cart';
    const vendor = shop('In stock €18.00 – €640.00 · 5g €70 · pay with bitcoin');
    matcher.scanBlock([vendor]);
    expect(matcher.scanBlock([tile], vendor).suspect).toBe(true);
    // Two sale words and a price are a shop's page that a report's words can still outweigh.
    const fewer = shop('€18.00 – €640.00 · 5g €70');
    matcher.scanBlock([fewer]);
    expect(matcher.scanBlock([tile], fewer).suspect).toBe(false);
  });

  it('counts a classified site’s one safety tip by the headline as one warning, not as three benign words', () => {
    const ad = (tip: string) => `矿山用 雷管 炸药 现货 - 五金/工业品 - 信息网 | 雷管 炸药 导爆索 现货 不用证 面议 电话：152 7781 3096 微信同号 ${tip}`;
    const spec = '乳化炸药每件 24 公斤，电雷管按发卖。小量也出：5 公斤起，配 10 发雷管。';
    const site = ad('本网提示：请勿预付款，谨防诈骗。');
    matcher.scanBlock([site]);
    expect(matcher.scanBlock([spec], site).suspect).toBe(true);
    // Warnings in sentences of their own are a report's or a warning page's words.
    const warning = ad('警方提醒：请勿购买。谨防上当。诈骗案件频发。');
    matcher.scanBlock([warning]);
    expect(matcher.scanBlock([spec], warning).suspect).toBe(false);
  });

  it("reads a platform's safety tip under a post that offers goods as the platform's, though the post gives no handle", () => {
    // (Titles without a sale word of their own: a title that offers the goods is a seller's on any site, below.)
    const post = (site: string) => `工业氰化钠 电镀 选矿用 可散卖 - ${site} | 出售工业氰化钠 | 价格38元/公斤 提醒：切勿先付款\n\n工业氰化钠 电镀 选矿用 可散卖 - ${site}`;
    const spec = '整桶 50 公斤，品名氰化钠（片状/块状），含量 98%，可送货';
    for (const site of ['义乌百姓网', '某某化工网']) matcher.scanBlock([post(site)]);
    expect(matcher.scanBlock([spec], post('义乌百姓网')).suspect).toBe(true);
    // A site that is no platform of users' posts keeps its warning's genre.
    expect(matcher.scanBlock([spec], post('某某化工网')).suspect).toBe(false);
  });

  it("counts a phone number by a platform's post as the poster's, against a safety tip of two sentences", () => {
    const post = (site: string) =>
      `车载GPS干扰器 防定位 - 东莞${site} | 出售车载GPS干扰器 | 价格180元/个 📞 152 **** 8807 平台提醒：请勿先付款，谨防诈骗。发现违法信息请举报。\n\n车载GPS干扰器 防定位 - 东莞${site}`;
    for (const site of ['58同城', '汽配资讯网']) matcher.scanBlock([post(site)]);
    expect(matcher.scanBlock(['出售车载GPS干扰器 防定位'], post('58同城')).suspect).toBe(true);
    // On a site that is no platform of users' posts the phone is an office's hotline, and the warnings are the page's.
    expect(matcher.scanBlock(['出售车载GPS干扰器 防定位'], post('汽配资讯网')).suspect).toBe(false);
  });

  it('reads a benign word inside an everyday compound as the compound (研究 in 研究生)', () => {
    const ad = (who: string) => `四六级 教资 专业代考 不过退款 - 同城生活网 | 专业代考 | ${who}亲自上场 价格¥1800 起`;
    for (const who of ['名校在读研究生', '研究所']) matcher.scanBlock([ad(who)]);
    expect(matcher.scanBlock(['教师资格证 笔试 单科 ¥1500，驾照 科一 科四 也可代'], ad('名校在读研究生')).suspect).toBe(true);
    expect(matcher.scanBlock(['教师资格证 笔试 单科 ¥1500，驾照 科一 科四 也可代'], ad('研究所')).suspect).toBe(false);
  });

  it('reads a Chinese title that asks a question as a question-and-answer page’s', () => {
    const qa = '学校期末考试可以自己装手机信号屏蔽器吗？ - 知乎 | 学校期末考试可以自己装手机信号屏蔽器吗？\n\n学校期末考试可以自己装手机信号屏蔽器吗？ - 知乎';
    const shop = '考场手机信号屏蔽器 - 某某电子 | 考场手机信号屏蔽器\n\n考场手机信号屏蔽器 - 某某电子';
    for (const page of [qa, shop]) matcher.scanBlock([page.split('\n')[0] as string]);
    expect(matcher.scanBlock(['校长让我去网上买几台信号屏蔽器装在教室里。'], qa).suspect).toBe(false);
    expect(matcher.scanBlock(['校长让我去网上买几台信号屏蔽器装在教室里。'], shop).suspect).toBe(true);
    // An answer that sells, with its handle, is an offer all the same.
    expect(matcher.scanBlock(['屏蔽器 现货 加微信 pbq_2024 发货'], qa).suspect).toBe(true);
  });

  it('reads an English question in the first person, and a guide\'s or tutorial\'s title, as an advice page\'s', () => {
    const page = (title: string) => `${title} | Forum\n\n${title}`;
    const block = 'A colleague found exam hall signal blockers online for about $200.';
    const titles = ['Can our school block phones in exam rooms with a signal jammer?', "A parent's guide to drug slang", 'How to write an invoice', 'Is your partner cheating? Exam hall signal blockers'];
    for (const title of titles) matcher.scanBlock([page(title).split('\n')[0] as string]);
    expect(matcher.scanBlock([block], page(titles[0] as string)).suspect).toBe(false);
    expect(matcher.scanBlock([block], page(titles[1] as string)).suspect).toBe(false);
    expect(matcher.scanBlock([block], page(titles[2] as string)).suspect).toBe(false);
    // An advert asks its reader, in the second person.
    expect(matcher.scanBlock([block], page(titles[3] as string)).suspect).toBe(true);
  });

  it("reads a title that offers the goods it names as a seller's, though a benign word stands further down its headline", () => {
    const page = (title: string) => `${title} | Original Furadan 5G and Gramoxone 20L, banned stock available | \n\n${title}`;
    const block = 'Original carbofuran granules, the real one that works. 50 each, cash or EFT.';
    const titles = ['Carbofuran (Furadan) for sale – strong pest killer', 'Carbofuran ban: what farmers must know', 'Officials warn of "carbofuran for sale" posts'];
    for (const title of titles) matcher.scanBlock([page(title).split('\n')[0] as string]);
    expect(matcher.scanBlock([block], page(titles[0] as string)).suspect).toBe(true);
    expect(matcher.scanBlock([block], page(titles[1] as string)).suspect).toBe(false);
    expect(matcher.scanBlock([block], page(titles[2] as string)).suspect).toBe(false);
    // A seller's post on a site that is no platform of users' posts, under the site's safety tip.
    const post = '出售工业氰化钠 电镀 选矿用 可散卖 - 某某化工网 | 出售工业氰化钠 | 价格38元/公斤 提醒：切勿先付款\n\n出售工业氰化钠 电镀 选矿用 可散卖 - 某某化工网';
    matcher.scanBlock([post]);
    expect(matcher.scanBlock(['整桶 50 公斤，品名氰化钠（片状/块状），含量 98%，可送货'], post).suspect).toBe(true);
  });

  it('reads a title that asks whether an offer is legit or a scam as an advice thread\'s', () => {
    const page = (title: string) => `${title} | Forum\n\n${title}`;
    const block = 'A colleague found exam hall signal blockers online for about $200.';
    const titles = ['Instagram guy selling signal blockers – legit?', 'Signal blockers for $200: scam?', 'Signal blockers for $200 – fast shipping'];
    for (const title of titles) matcher.scanBlock([page(title).split('\n')[0] as string]);
    expect(matcher.scanBlock([block], page(titles[0] as string)).suspect).toBe(false);
    expect(matcher.scanBlock([block], page(titles[1] as string)).suspect).toBe(false);
    expect(matcher.scanBlock([block], page(titles[2] as string)).suspect).toBe(true);
  });

  it("reads a help centre's title as a help page's", () => {
    const page = (title: string) => `${title}\n\n${title}`;
    const block = 'Payment processing agent – work from home, $500/week.';
    for (const title of ['Lost, stolen or compromised card | Help Centre | Harbourline Bank', 'Card security – Harbourline Support', '借记卡挂失与补办 - 帮助中心 - 某商业银行']) {
      expect(matcher.scanBlock([block], page(title)).suspect).toBe(false);
    }
    expect(matcher.scanBlock([block], page('Jobs | Harbourline Careers')).suspect).toBe(true);
  });

  it('reads a game guide\'s or a game wiki\'s title as a guide\'s, and a game\'s money as no price', () => {
    const page = (title: string) => `${title}\n\n${title}`;
    const block = '甩棍 电击警棍 售价 1800';
    expect(matcher.scanBlock([block], page('《末路追击》全近战武器获取位置_攻略')).suspect).toBe(false);
    expect(matcher.scanBlock([block], page('伸缩甩棍 电击警棍 - 某某小店')).suspect).toBe(true);
    expect(matcher.scanBlock(['Stun baton, price 400'], page('Stun baton – Dead Rails Wiki')).suspect).toBe(false);
    expect(matcher.scanBlock(['伸缩甩棍 售价 1800 金币'], page('伸缩甩棍 - 某某小店')).suspect).toBe(false);
    expect(matcher.scanBlock(['伸缩甩棍 售价 1800 元'], page('伸缩甩棍 - 某某小店')).suspect).toBe(true);
  });

  it('reads a notice that sets out its articles ("通告如下：") as the notice, not a quoted advert', () => {
    const notice = '关于规范信号屏蔽器使用管理的通告 | 某省无线电管理局 | \n';
    const block = '一、信号屏蔽器仅限考场、监狱等确有需要的单位经批准后设置使用，个人不得设置使用。';
    expect(matcher.scanBlock([block], notice, '现就有关事项通告如下：\n').suspect).toBe(false);
    const statement = '关于警惕“代办学历证书”等诈骗信息的郑重声明 | 某大学 | \n';
    expect(matcher.scanBlock(['我校从未委托任何机构或个人代办学历、学位证书。'], statement, '冒用我校名义收取高额费用。现郑重声明如下：\n').suspect).toBe(false);
    expect(matcher.scanBlock(['手机信号屏蔽器 现货 有需要的私聊 380元一台'], notice, '记者发现，某群内的广告原文如下：\n').suspect).toBe(true);
  });

  it('reads a licence that the text says is not needed as a seller\'s claim, not a lawful shop\'s check', () => {
    const page = (terms: string) => `16路手机信号屏蔽器 - 某某商城 | JY-16A 手机信号屏蔽器 ¥3,980 现货 | ${terms}`;
    for (const terms of ['无需提供使用许可证明', '不需要剧毒品购买许可证', '须持无线电管理机构许可证购买']) matcher.scanBlock([page(terms)]);
    expect(matcher.scanBlock(['私人场所防偷拍防定位；车辆抵押、车贷车屏蔽 GPS 定位器，防止被找到'], page('不需要剧毒品购买许可证')).suspect).toBe(true);
    expect(matcher.scanBlock(['私人场所防偷拍防定位；车辆抵押、车贷车屏蔽 GPS 定位器，防止被找到'], page('无需提供使用许可证明')).suspect).toBe(true);
    expect(matcher.scanBlock(['私人场所防偷拍防定位；车辆抵押、车贷车屏蔽 GPS 定位器，防止被找到'], page('须持无线电管理机构许可证购买')).suspect).toBe(false);
  });

  it('keeps the company rule off a platform that hosts its users\' posts', () => {
    const page = (title: string) => `${title} | |\n© 北京某某网络技术有限公司\n${title}`;
    const post = '永久会员今晚限时 全网最全 无码 福利视频 秒发';
    for (const title of ['夜猫子福利社的微博 - 微博', '夜猫子福利社 - 官方商城']) matcher.scanBlock([page(title).split('\n')[0] as string]);
    expect(matcher.scanBlock([post], page('夜猫子福利社的微博 - 微博')).suspect).toBe(true);
    expect(matcher.scanBlock([post], page('夜猫子福利社 - 官方商城')).suspect).toBe(false);
    // Nor on a marketplace, a B2B directory, a classified site or a channel export: their footer names the platform's company.
    for (const title of ['【现货】无码福利视频 - 淘宝网', '福利视频 - 某化工B2B网商铺', '福利视频 - 某城分类信息网', 'Telegram 频道导出：福利社']) {
      expect(matcher.scanBlock([post], page(title)).suspect).toBe(true);
    }
  });

  it('reads an alarm one carries (报警器) as the alarm, not a report to the police, and "no registration" as a seller\'s term', () => {
    expect(suspect('姐妹们报警器不够用的，伸缩甩棍 260 一根，不用登记')).toBe(true);
    expect(suspect('遇到危险先报警，伸缩甩棍 260 一根，不用登记')).toBe(false);
    expect(suspect('伸缩甩棍 260 一根，户外用品店')).toBe(false);
  });

  it('reads a headline that sells with two sale words as a product page, without a price beside it', () => {
    const shop = 'Buy Xanax 2mg Bars Online – No Prescription Needed | EasyMeds | Stealth packaging, reship guarantee';
    const leaflet = 'Xanax (alprazolam): uses, side effects and warnings | Prescription required';
    matcher.scanBlock([shop]);
    matcher.scanBlock([leaflet]);
    expect(matcher.scanBlock(['Also available: Valium 10mg, Klonopin 2mg'], shop).suspect).toBe(true);
    expect(matcher.scanBlock(['Also available: Valium 10mg, Klonopin 2mg'], leaflet).suspect).toBe(false);
    // One sale word is a shop's "Buy online" button, not yet a seller's pitch.
    expect(matcher.scanBlock(['Also available: Valium 10mg, Klonopin 2mg'], 'Buy Xanax online | EasyMeds').suspect).toBe(false);
  });

  it('takes a price or a messenger handle by the headline as the page\'s offer, not a bank\'s phone line', () => {
    const bank = 'I think my card has been cloned or skimmed | Help & support | call our fraud line on +44 20 7946 0177';
    const vendor = 'Cloned cards, skimmed dumps | Shop | Telegram @dumps_uk_plug';
    expect(matcher.scanBlock(['Skimmed cards are used at petrol pumps'], bank).suspect).toBe(false);
    expect(matcher.scanBlock(['Skimmed cards are used at petrol pumps'], vendor).suspect).toBe(true);
  });

  it('says why a block is a listing', () => {
    expect(matcher.scanBlock(['Oxycodone 30mg, 100 pills $450, Wickr pharmaplug']).why).toEqual({
      category: 'drugs-precursors', strong: false, weak: true, price: true, contact: true, saleWord: false, quoted: false,
    });
    expect(matcher.scanBlock(['Oxycodone leaflet: take one tablet every 12 hours.']).why).toBeUndefined();
  });
});
