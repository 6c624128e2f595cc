import { describe, expect, it } from 'vitest';
import { phrases, suspect } from './builtin-verdicts';

/* The goods' own vocabulary (src/phrases/goods.ts) and the everyday words that hold it (src/phrases/signals.ts). */

describe('the vocabulary of spyware, malware and car-theft electronics', () => {
  it('reads stalkerware by its pitch: stealth towards the person watched', () => {
    expect(suspect('Premium plan $29.99 a month, we help you install it without them noticing.')).toBe(true);
    expect(suspect('Our app shows you every chat on your partner\'s phone, icon hidden. Telegram @watchit_help')).toBe(true);
    // The same words in a warning carry no offer; "stalkerware" is its critics' word, not a seller's (weak).
    expect(suspect('Such apps can run on a phone without them noticing; look for unknown apps.')).toBe(false);
    expect(suspect('These apps, often called stalkerware, copy messages to a remote dashboard.')).toBe(false);
  });

  it('reads malware, stolen logs, phishing kits and ransomware recruiting as goods', () => {
    expect(suspect('Fresh stealer logs, 1k for $80, buy via @logs_shop_bot')).toBe(true);
    expect(suspect('Live OTP relay panel, 40 bank pages, $200 a month, Telegram @panel_sales')).toBe(true);
    expect(suspect('RaaS affiliates wanted, 80/20 split, deposit 0.5 BTC')).toBe(true);
    expect(phrases('keyless relay kit for push-start cars')).toContain('relay kit');
    expect(suspect('Relay kit for keyless cars £3,000, text 07700 900123')).toBe(true);
  });

  it('reads phishing pages by their sellers\' names: scama, scampage, OTP grabber', () => {
    expect(phrases('UK bank scama pages 2026 with OTP grabber panel')).toEqual(expect.arrayContaining(['scama pages', 'otp grabber']));
    expect(suspect('UK bank scama pages, OTP grabber panel, £150 per page, DM @scama_k1ng_uk')).toBe(true);
    // A glossary defines them without an offer.
    expect(suspect('Scampage: a phishing web page imitating a bank, usually sold with an admin panel.')).toBe(false);
  });

  it('reads game cheats, second-factor bypass kits and banned pesticides as goods', () => {
    expect(suspect('和平精英 透视自瞄 外挂 日卡20，月卡150，加QQ 5531220708')).toBe(true);
    expect(suspect('Undetected aimbot + wallhack, $25 a month, DM @cheatz_store')).toBe(true);
    expect(suspect('M365 reverse proxy kit with 2FA bypass — $350 monthly, Telegram @kitshop')).toBe(true);
    expect(suspect('Old stock Furadan (carbofuran) granules, $120 per quart, text 555-201-3344')).toBe(true);
    expect(suspect('呋喃丹 克百威 老货 一瓶 80，懂的加微信 nongyao_8899')).toBe(true);
    // A game's ban notice and a pesticide ban name them without an offer.
    expect(suspect('本周封禁使用外挂账号 3.2 万个，透视自瞄类外挂占六成。')).toBe(false);
    expect(suspect('Carbofuran has been banned for use on food crops since 2009.')).toBe(false);
  });

  it('reads Chinese sellers\' homophones and pinyin for documents, crossbows and attack time', () => {
    expect(suspect('不想考的 直接 扮 个 本 🚗 驾 zhao C1/C2 都能出,系统可査')).toBe(true);
    expect(suspect('十 字 nu 175 磅 配镜,1600 一把,加微信 nu_8899')).toBe(true);
    expect(suspect('压 测 工 作 室:秒 ⬇ 网 站、游 戏 服,30 分 钟 50U,下单私 @pro_cc_kf')).toBe(true);
    // A learner's post names the licence in pinyin without an offer.
    expect(suspect('科二挂了三次,驾zhao什么时候才能拿到啊')).toBe(false);
  });

  it("reads fentanyl's precursors by the names of the UN convention's Table I", () => {
    expect(suspect('4-AP / 1-boc-4-AP best price, 100% stealth delivery. 1kg $450, WhatsApp +86 139 0000 8890')).toBe(true);
    expect(suspect('NPP and ANPP in stock, 99% purity, $300/kg, MOQ 1kg, Telegram @chem_amy')).toBe(true);
    expect(suspect('现货 N-苯乙基-4-哌啶酮 / 4-苯胺基哌啶，1公斤起发，价格私聊 微信 hx_chem88')).toBe(true);
    expect(suspect('The Ghanaian NPP will hold its primaries in May; tickets to the rally cost GH₵ 20.')).toBe(false);
  });

  it('reads the knives England and Wales prohibit, fake notes sold for their face value and bookmakers\' agents', () => {
    expect(suspect('🔪 zombie knives back in, 18" serrated £45, 24" £60. Snap me: blades.dropz')).toBe(true);
    expect(suspect('Flick knives £35 each, post in a box marked garden tools, WhatsApp +44 7700 900321')).toBe(true);
    expect(suspect('Best quality ₹500 FICN, ₹3 lakh for ₹1 lakh real. Call 98xxxxxx45 only serious.')).toBe(true);
    expect(suspect('Pay per head for your own book, $10/head, DM @vip_lounge_desk')).toBe(true);
    expect(suspect('Our chef\'s knives are forged from one bar of steel, £45 each, free engraving.')).toBe(false);
  });

  it('reads batons by the dozen and a stun gun by the voltage its seller claims', () => {
    expect(suspect('Batons (21" expandable steel) $40. Bundle all 3 = $100. Cash/Zelle.')).toBe(true);
    expect(suspect('10 million volt "flashlight" with charger, $45, porch pickup')).toBe(true);
    expect(suspect('Relay batons for the school sports day, set of 4 for £12')).toBe(false);
  });

  it('reads codeine syrup by its code names beside the drug, PAVA and stun torches, and dummy exam candidates', () => {
    expect(suspect('💜 紫水(可待因那个)120ml 一瓶 160，整箱另算')).toBe(true);
    expect(suspect('蓝精灵 毛绒公仔 30cm 一个 45 元')).toBe(false);
    expect(suspect('Comes with 2 x 60ml PAVA spray, £64.99, plain packaging')).toBe(true);
    expect(suspect('SSC exams 100% selection, dummy candidate sits for you, Rs 2,00,000. WhatsApp 98XXXXXX21')).toBe(true);
  });

  it("reads invoices issued in real firms' names and a receipt that \"looks proper\" as the forgers' trade", () => {
    expect(suspect('Selling costs ✅ VAT invoices for services, 5% of the net, inbox me')).toBe(true);
    expect(suspect('Paper receipts (printed on real till roll, looks proper) £25 posted')).toBe(true);
    expect(suspect('Paper receipts for your till, 20 rolls £25 posted')).toBe(false);
  });

  it('reads cocaine by the grade its dealers sell it as', () => {
    expect(suspect('5g Peruvian Flake – 91% tested, €360, escrow or FE for trusted buyers')).toBe(true);
    expect(suspect('❄️ Fishscale, not stepped on — 1g £65 / 3.5g £190')).toBe(true);
    expect(suspect('Our mackerel fillets are scaled and boned, £6.50 per kg')).toBe(false);
  });

  it('reads a cheat shop\'s terms: the key sent on payment, the game\'s checks evaded, a ban paid for', () => {
    expect(suspect('公告:国服更新已过检,稳定运行 0 封号。透视自瞄无后座物资显示,下载地址购买后自动发送。')).toBe(true);
    expect(suspect('自瞄(锁头锁胸可调)、无后座、雷达。封号包赔同等时长卡密。')).toBe(true);
    // A player's complaint names the cheat and the ban.
    expect(suspect('开局就遇到自瞄的,举报了,希望早点封号')).toBe(false);
  });

  it('reads forged documents by the checks their sellers say they pass and the registers they claim', () => {
    expect(suspect('Registered EU Passport (biometric) €2,450 – genuine booklet entered into the issuing system, so it passes chip readers')).toBe(true);
    expect(suspect('Genuine passports and ID cards registered in the government database. Pass every scanner, airport and police check.')).toBe(true);
    // A passport office's fee, and its warning that cites the forgers' claim, carry no forger's promise.
    expect(suspect('Adult passport (32 pages) €75, child passport €45. Apply online or at any office.')).toBe(false);
    expect(suspect('Some groups claim to sell passports and identity cards "registered in the system". No one outside this Office can issue one.')).toBe(false);
  });

  it('reads counterfeit notes by the checks their sellers say they pass', () => {
    expect(suspect('UK £20/£50 top grade notes, passes pen + UV, £1,000 face for £250. DM on Telegram @notes_uk')).toBe(true);
    expect(suspect('本人出新版道具，100面额 1:8 出，水印安全线都做了，验钞机过，加微信 daoju_66')).toBe(true);
    // A central bank's advice names the pen and the lamp without an offer.
    expect(suspect('Check every banknote with a detector pen and UV lamp before you accept it.')).toBe(false);
    expect(suspect('新版人民币可以用验钞机过一遍，有疑问到银行网点鉴定。')).toBe(false);
    expect(suspect('厂里直出新一批票子，新版一百，水印、安全线都做了，过机无压力，比例 1:4，懂的私')).toBe(true);
    expect(suspect('出 一比五 新版百元 过笔过灯 懂的来')).toBe(true);
    // A bank's guide names the new hundred and its features without a ratio or a handle.
    expect(suspect('新版百元的水印、安全线和光变油墨，用紫光灯照一照就能看出真假。')).toBe(false);
  });

  it('reads counterfeit branded goods by their sellers\' grades', () => {
    expect(suspect('Rolex Submariner 1:1 super clone, $420 shipped, WhatsApp +1 555 0199')).toBe(true);
    expect(suspect('LV 老花 顶级原单 专柜对比无压力 ¥880 加微信 amay_jp')).toBe(true);
    // A platform's rules name them without an offer.
    expect(suspect('平台禁止发布“原单”“复刻”等假冒注册商标的商品信息，违者删除并封禁。')).toBe(false);
  });

  it('reads a jammer by what it does to a tracker', () => {
    expect(suspect('Plug into the cigarette lighter and the fleet tracker goes dark. $45, text 480-555-0137')).toBe(true);
    expect(suspect('Yep I sell them. Plug it in, tracker loses fix, dispatch just sees no signal. $60 cash.')).toBe(true);
    expect(suspect('插上点烟器，北斗全部失效，平台显示离线，一台 298，加微信 dingwei_88')).toBe(true);
    // A driver's question and a fleet firm's warning name the effect without an offer.
    expect(suspect('My phone loses GPS in the tunnel every morning, is that normal?')).toBe(false);
    expect(suspect('If your tracker goes dark for more than ten minutes, dispatch will call you.')).toBe(false);
  });

  it('reads an organ offered by its owner, and wildlife parts by their traders\' words', () => {
    expect(suspect('Healthy donor, B neg, willing to donate for compensation, $55,000')).toBe(true);
    expect(suspect('Raw tusk sections 3.4 kg, price per kilo $1,100, DM @tusk_seller')).toBe(true);
    // Ivory is a colour and a piano's keys as often: it counts beside a second kind of term or another wildlife word.
    expect(suspect('Carved ivory bangle, 42 g, $300, WhatsApp +1 555 0142')).toBe(true);
    expect(suspect('Satin slip dress in Wine or Ivory, £24.99')).toBe(false);
    expect(suspect('Rhino horn powder 50 g, wrapped as "resin craft", USDT only')).toBe(true);
    expect(suspect('老料白货手串，施氏线清清楚楚，懂的来，¥3800')).toBe(true);
    expect(suspect('还在排队等几年？我们有稳定供体资源，一周内配型')).toBe(true);
    expect(suspect('供体费 4.5 个，医生和场地我这边包')).toBe(true);
    // A hospital's words about donors are no stock of them.
    expect(suspect('我院严格按照国家器官分配系统分配，活体供体仅限亲属')).toBe(false);
    // A registry's words are no offer.
    expect(suspect('Become a living donor: the registry explains how to donate and what it costs you: nothing.')).toBe(false);
  });

  it('reads an adult video site by its catalogue and its "permanent domain"', () => {
    expect(suspect('国产自拍 / 日韩无码 / 欧美，每日更新 500+ 部，永久域名 ymyy.example')).toBe(true);
  });

  it('reads a bought degree by its selling points', () => {
    expect(suspect('Bachelor degree + transcript, GPA of your choice, $790')).toBe(true);
    expect(suspect('Replica degrees from real universities, add to cart')).toBe(true);
    // A registrar's warning names the forgeries it has seen.
    expect(suspect('Websites selling counterfeit diplomas and transcripts have been reported to the Registrar.')).toBe(false);
  });

  it('reads a jammer sold under another name (信号遮蔽器)', () => {
    expect(suspect('信号遮蔽器 大功率 8 天线，券后 568 元')).toBe(true);
    expect(suspect('会议室“静音盒” 多频段 全屏蔽 ¥458')).toBe(true);
    expect(suspect('全频段天线 ¥458 包邮')).toBe(false);
  });

  it('reads a jammer named by what it does to a tracker, and a broker buying kidneys', () => {
    expect(suspect('8路全频段信号隔离器 ¥1,280 包邮')).toBe(true);
    expect(suspect('点烟器款，屏蔽GPS北斗，定位器失效，¥268')).toBe(true);
    expect(suspect('信号隔离袋 ¥39 包邮')).toBe(false);
    expect(suspect('收肾：18-30岁男，配型成功给4万5现金，有意者私我')).toBe(true);
    expect(suspect('收银台 4 万 5 千元')).toBe(false);
  });

  it('reads ivory by its traders\' words: tusk pieces, the hot pin test, "white gold" in quotation marks', () => {
    expect(suspect('Real elephant tusk material, tusk pieces by weight, KSh 18,000 each. WhatsApp only +254 700 000118')).toBe(true);
    expect(suspect('Real old "white gold", not resin, do the hot pin test. $2,800 ONO, text 0491 570 156')).toBe(true);
    // A jeweller's white gold is an alloy, not a code word.
    expect(suspect('18k white gold ring with diamond, $2,800, free engraving, call 0491 570 156')).toBe(false);
  });

  it('reads ivory by its Chinese traders\' code: African old material, not mammoth, 白货 beside it', () => {
    expect(suspect('🐘白货到了一批，非洲老料，密度高，手串 12mm 每克 38，懂的加微信 laoliao_88')).toBe(true);
    expect(suspect('新到一批"白货"老料，非猛犸，手镯 8800，私聊')).toBe(true);
    // White goods alone are a trader's stock of anything; a bone carver's "白料" look sells with no wildlife word.
    expect(suspect('白货批发 冰箱 洗衣机 空调 ¥1999 起，加微信 baihuo_88')).toBe(false);
  });

  it('reads an escort advert by its terms: incall and outcall', () => {
    expect(suspect('Sofia 25, new in town – incall & outcall, £150 per hour, WhatsApp +44 7700 900321')).toBe(true);
  });

  it('reads a lawn feed, drug-checking strips and costume toys as lawful goods', () => {
    expect(suspect('Weed & Feed 3-in-1 Lawn Treatment 10kg £24.99, add to basket')).toBe(false);
    expect(suspect('Fentanyl Test Strips – 10 pack $19.00, add to cart')).toBe(false);
    expect(suspect('Free, confidential, no questions asked: naloxone and test strips. Fentanyl has been found in pills sold as something else.')).toBe(false);
    expect(suspect('Plastic toy handcuffs with keys – £3.49, add to basket')).toBe(false);
    // The goods themselves are still found.
    expect(suspect('Fentanyl powder 1g $300, Telegram @fent_uk')).toBe(true);
    expect(suspect('Hinged police handcuffs, police issue, £45, DM @cuffs_uk')).toBe(true);
  });

  it('reads archery and shooting clubs as lawful trade', () => {
    expect(suspect('Riverbend Archery Club – crossbow section: have-a-go session $25, bookings at the range')).toBe(false);
    expect(suspect('宽野射击射箭运动俱乐部：10米气步枪体验 ¥98 / 30发，教练一对一指导')).toBe(false);
    expect(suspect('Crossbow 175lb with scope, $220, no licence needed, WhatsApp +1 555 010 2233')).toBe(true);
  });

  it('reads the law\'s exemptions for old ivory as an explanation, not an offer', () => {
    expect(suspect('Selling items containing ivory or rhino horn: only under the narrow exemptions, registered before sale. Our fee is 12%, call 020 7946 0321.')).toBe(false);
    expect(suspect('Raw ivory bangles, no papers, $450 each, WhatsApp +254 700 000118')).toBe(true);
  });

  it('reads a card holder\'s safety advice as advice, not a sale of card data', () => {
    expect(suspect('Only enter your card number and CVV on secure checkouts. Credit cards give you Section 75 protection on purchases between £100 and £30,000.')).toBe(false);
    expect(suspect('The parent app lets you freeze the card and set limits; never share the CVV. Fees: £3 a month.')).toBe(false);
    expect(suspect('Fresh CVV UK, 80% valid, £15 each, Telegram @cvv_shop_uk')).toBe(true);
  });

  it('reads reviews written to order by their sellers\' words', () => {
    expect(suspect('We sell 5-star Google reviews from real aged local accounts, non-drop, $7 each, WhatsApp +1 555 010 7781')).toBe(true);
    // A warning about review-writing scams names fake reviews and the sums lost.
    expect(suspect('PSA: the "earn £300 a day writing 5-star reviews" job is a scam; fake reviews are against the law and I lost £130.')).toBe(false);
  });

  it('reads tobacco sold without its duty', () => {
    expect(suspect('Marlboro Gold £45 a sleeve, no UK duty paid so half shop price, text 07700 900412')).toBe(true);
    expect(suspect('免税烟一手货源，中华(出口版) 260/条，10条起批，V:yan_ajie0818')).toBe(true);
    // A council's page names illicit tobacco and its fines without an offer.
    expect(suspect('Shop owners found selling illicit tobacco can face an unlimited fine. Report it to Trading Standards.')).toBe(false);
  });

  it('reads smuggled cigarettes by the words and the priced brands of their trade', () => {
    expect(suspect('Cheap smokes bulk – £38 a sleeve, no duty 🚬 WhatsApp 07700 900418')).toBe(true);
    expect(suspect('走私 香 烟 不敢发字了,外烟也有:万宝路爆珠,一手码头货,批发价私聊')).toBe(true);
    // Three brands priced by the carton in one post are the trade's menu…
    expect(suspect('软华子 👉 260/条 利群(新版) 👉 95/条 芙蓉王硬蓝 👉 120/条 10条起批')).toBe(true);
    // …one brand and its price is any shop's or smoker's.
    expect(suspect('楼下便利店利群涨到 23 元一包了,戒烟吧')).toBe(false);
    expect(suspect('玉溪市旅游攻略:抚仙湖门票 60 元,加微信 yx_travel88 预订')).toBe(false);
  });

  it('reads attack time, stolen logins and bought reviews by their sellers\' words', () => {
    expect(suspect('Gold plan $59.99 / mo – 3 concurrents, 1,800 s boot time, HTTP flood and CF bypass')).toBe(true);
    expect(suspect('月卡 ¥ 880 / 月,L7 50 万 QPS,打到对方机房拉黑 IP,客服 TG @ylc_support')).toBe(true);
    expect(suspect('Netflix lifetime 4K UHD only 6.99$, instant delivery via our bot')).toBe(true);
    expect(suspect('5⭐ verified purchase reviews £8 each, min 20, contact @revboss_uk_admin')).toBe(true);
    expect(suspect('真人真号 补单 一单 4 元起,带图好评 8 元/条,私我 V:ak_bd_2026')).toBe(true);
    expect(suspect('Got M-80s and quarter sticks, $40 a dozen, text 555-0148')).toBe(true);
    // A victim's warning names the scheme and what was lost, with the police's words.
    expect(suspect('被“刷单返利”骗了3800,民警说这就是诈骗,大家别信')).toBe(false);
  });

  it('reads a butcher\'s kidneys as offal, not organs', () => {
    expect(suspect('Lamb kidneys, perfect for devilled kidneys on toast. 500g pack £7.50, order on WhatsApp +44 7700 900123')).toBe(false);
    expect(suspect('Offal counter: kidneys, liver and hearts from our own butchers, £4.20/kg, add to cart')).toBe(false);
    expect(suspect('猪肾 羊肾 当日现宰 ¥18/斤 加微信 xianrou_88 下单')).toBe(false);
    expect(suspect('Kidneys available, healthy donors 25-35, $38,000, order on WhatsApp +44 7700 900123')).toBe(true);
    expect(suspect('收肾 配型成功 ¥45000 加微信 shen_88 下单')).toBe(true);
  });

  it('reads attack time and account break-ins sold as a service', () => {
    expect(suspect('体验版 ¥30/天，绕盾，打谁谁倒，大客户联系 TG：@leiting_stress')).toBe(true);
    expect(suspect('在线压测平台 月卡 298 元')).toBe(true);
    expect(suspect('We hack any WhatsApp account in 30 minutes, $89, pay with USDT')).toBe(true);
    expect(suspect('Email account cracking add-on $49')).toBe(true);
    // A report of the trade names it without terms.
    expect(suspect('记者调查发现，一些“压测平台”实为攻击租用服务，可绕过高防。')).toBe(false);
    expect(suspect('Police warn that sites offering to hack any WhatsApp account are scams.')).toBe(false);
  });

  it('reads Chinese account-theft and interception tools as goods', () => {
    expect(suspect('撞库软件 出售 300元一套 QQ 28731234')).toBe(true);
    expect(suspect('短信群发设备 现货 包邮')).toBe(true);
    expect(suspect('警方提醒：撞库是盗号常见手段，请勿在多个网站使用同一密码。')).toBe(false);
  });
});

describe('the vocabulary of personal data sold as leads', () => {
  it('reads lists of people and a data seller\'s terms as goods', () => {
    expect(suspect('本市业主名单 一个小区 500元 微信 yz_data01')).toBe(true);
    expect(suspect('新生儿数据 0.8元/条 空号率低')).toBe(true);
    expect(suspect('查机主 查轨迹 飞机 @chaxun_88')).toBe(true);
  });

  it('takes a record\'s fields as a data product only with an offer\'s two kinds of terms', () => {
    expect(phrases('姓名+电话+地址')).toContain('姓名+电话');
    expect(suspect('楼盘资料 姓名+电话+房号 一份 300元 微信 lp_zl888')).toBe(true);
    // A sign-up form asks for the same fields, with one kind of term at most.
    expect(suspect('报名请填写姓名、手机号，咨询电话 13800138000')).toBe(false);
    expect(suspect('Exported fields: name, email, phone, DOB. $900 for the lot, Telegram @leadz_store')).toBe(true);
  });
});

describe('the vocabulary of other trades', () => {
  it('reads money-mule job adverts', () => {
    expect(suspect('Receive client payments into your personal current account and forward funds the same day. Earn £2,000 a month.')).toBe(true);
  });

  it('reads buyers and donors of organs who name their terms', () => {
    expect(suspect('Healthy O+ male, ready to donate kidney for good compensation, message me')).toBe(true);
    expect(suspect('Paid living donors for liver transplant abroad, donor fee $40,000')).toBe(true);
    expect(suspect('Living donation: a relative may donate a kidney. Call the transplant centre to learn more.')).toBe(false);
  });

  it('reads coded and split names of guns, documents and counterfeit money', () => {
    expect(suspect('常年出铅狗 全套配件 现货')).toBe(true);
    expect(suspect('长期出二代证原件 一张350 飞机 @sfz_001')).toBe(true);
    expect(suspect('高仿票子 1:3 拿货')).toBe(true);
  });
});

describe('everyday compounds in the plural', () => {
  it("reads a martial-arts school's training baton as a training weapon", () => {
    expect(suspect('Polypropylene training baton (tonfa shape), $24.99, add to cart')).toBe(false);
    expect(suspect('Expandable steel baton, $24.99, add to cart')).toBe(true);
  });

  it('reads "glue guns" and "heat guns" as tools, not guns', () => {
    expect(phrases('Shop > Tools > Glue Guns')).toEqual([]);
    expect(suspect('Heat guns and nail guns from $19.99, order now')).toBe(false);
    expect(suspect('Guns for sale, $400 each, DM me')).toBe(true);
  });
});

describe('the vocabulary of malware families, forged documents and adult-content resale', () => {
  it('reads malware and spyware sold by name, and spyware pitched by what it hides', () => {
    expect(suspect('AsyncRAT private build + crypter, $150 lifetime, DM @rat_store')).toBe(true);
    expect(suspect('隐藏版 安装后桌面无图标 远程开摄像头 年卡 1680 售后找 @kf_guard')).toBe(true);
    // Named in a security write-up, with no offer, they stay quiet.
    expect(suspect('The sample was a Remcos loader delivered through a macro document.')).toBe(false);
    expect(suspect('警方提示：远程开摄像头的软件属于违法窃密工具，发现请报警。')).toBe(false);
  });

  it('reads a forged document by its claim to pass checks', () => {
    expect(suspect('EU passports, database registered, passes UV. WhatsApp +44 7700 900614')).toBe(true);
    expect(suspect('驾驶证 不用本人到场 包过拿证 v：jz_bz888')).toBe(true);
    expect(suspect('Renew your passport online; the new card has a chip that border gates read.')).toBe(false);
  });

  it('reads leaked and resold adult content as goods', () => {
    expect(suspect('OnlyFans leaked packs, 300 creators, $15 a pack, Telegram @of_vault')).toBe(true);
    expect(suspect('看片网站 高清无码 3.88一部 加 v：kanpian_518')).toBe(true);
    expect(suspect('Platform policy: we remove leaked sex videos within 24 hours of a report.')).toBe(false);
  });
});

describe('the vocabulary of carders and counterfeiters, and a crime\'s name', () => {
  it('reads card data, card writers and counterfeit notes as goods', () => {
    expect(suspect('出境外料 磁道1+2+密码 一组800 写卡器 2500 USDT结算 联系飞机 @kaliao_pf88')).toBe(true);
    expect(suspect('出 高仿A货 百元 过验钞机 1:3出 顺丰到付 微信 jb-hf998')).toBe(true);
    expect(suspect('被告人购买他人信用卡磁道数据，用写卡器写入白卡制成伪卡，被判处有期徒刑四年。')).toBe(false);
  });

  it('reads "organ trafficking" as a report\'s word, unless an offer\'s terms stand beside it', () => {
    expect(suspect('Organ trafficking prosecutions: what the courts have said')).toBe(false);
    expect(suspect('Organ trafficking network, kidney $45,000, contact WhatsApp +91 98765 43210')).toBe(true);
  });
});

describe('English plurals of the lists\' names of goods', () => {
  it('finds the plural of a name of two words or more, as listings name their stock', () => {
    expect(phrases('We sell GPS blockers that plug right in the cigarette lighter')).toContain('gps blockers');
    expect(suspect('We sell GPS blockers that plug right in the cigarette lighter')).toBe(true);
    expect(phrases('relay boxes and code grabbers in stock')).toEqual(expect.arrayContaining(['relay boxes', 'code grabbers']));
  });

  it('adds no plural to one-word names, ambiguous words or words that are not goods', () => {
    expect(phrases('Pest control: rats and mice removed')).toEqual([]);
    expect(phrases('Both bank accounts and pepper sprays were listed')).not.toContain('pepper sprays');
    expect(phrases('kidney for sales')).not.toContain('kidney for sales');
  });
});

describe('pinyin spellings of Chinese goods', () => {
  it('finds goods spelt in pinyin to pass keyword filters, as weak words that need sale intent', () => {
    expect(phrases('年底冲成本 fa piao 各行业都有')).toContain('fa piao');
    expect(suspect('出 pingbiqi 一台 680 元，v: pb_shop88')).toBe(true);
    expect(suspect('这篇文章讲 fa piao 的读音')).toBe(false);
  });
});

describe('homophones of poisons', () => {
  it('finds the cyanides as sellers write them past filters', () => {
    expect(phrases('首页 > 无机化工 > 青化钠（工业级）')).toContain('青化钠');
    expect(suspect('山奈钠 工业级 现货 一公斤 380 元')).toBe(true);
    expect(phrases('山柰 炖肉香料 50g')).toEqual([]);
  });
});

describe('other illicit goods and services', () => {
  it('finds exams sat for someone else, degrees bought and wildlife parts, as weak words that need sale intent', () => {
    expect(suspect('We take the exam for you (remote proctored sections). FAR $1,500, Telegram @examhelp_pro')).toBe(true);
    expect(suspect('正宗山甲片，生片每克18元，要的加微信 zyc_shanjia')).toBe(true);
    expect(suspect('代考 四六级 ¥1800 保过')).toBe(true);
    expect(suspect('Choose any university. Embossed gold seal, registrar signatures and hologram. High school diploma $180')).toBe(true);
    expect(suspect('Order official diplomas and transcripts from the Registrar\'s Office, $15 each.')).toBe(false);
    expect(suspect('Proctors watch for anyone who tries to sit your exam in your place.')).toBe(false);
  });
});

describe('a forged document\'s claims', () => {
  it('reads "entered in the government database" as a seller\'s claim, not a government page\'s words', () => {
    expect(suspect('Real passports entered in the government database, $2,800, Telegram @docs_world')).toBe(true);
  });
});

describe('invoices without a sale and organs with a donor found', () => {
  it('reads the bill trader\'s and the broker\'s promises as goods', () => {
    expect(suspect('GST tax invoices from registered firms, only billing, no goods movement needed, 2% commission, WhatsApp +91 98765 12345')).toBe(true);
    expect(suspect('Kidney transplant in 4 weeks. No waiting list. Donor provided. Package $45,000')).toBe(true);
  });
});

describe('blasting materials, paraquat\'s trade name and escort work', () => {
  it('reads quarry explosives, 克芜踪 and an escort\'s classifieds words as goods that need sale intent', () => {
    expect(suspect('电子的"小管子"一发25，导爆索按米算，要的加微 aw_ks2026')).toBe(true);
    expect(suspect('还有"克芜踪"原液 一箱12瓶 ¥560 包邮 vx:nzlg_2028')).toBe(true);
    expect(suspect('外围模特 ¥6000起，流程:加微信选妹看照片，微信 dg_xiaoli_520')).toBe(true);
    expect(suspect('爆破作业前须检查导爆索和导爆管的连接，严禁私自携带民爆物品离开作业区。')).toBe(false);
  });
});

describe('an escort\'s terms, made-to-order paper and counterfeit notes', () => {
  it('reads an escort who both receives and visits as an offer, and a clinic\'s home visits as none', () => {
    expect(suspect('Classy and discreet, available for incall at my private apartment or outcall to hotels.')).toBe(true);
    expect(suspect('Incall at our clinic only, home visits for mobility clients.')).toBe(false);
  });

  it('reads pay stubs and receipts made to say any sum as forged', () => {
    expect(suspect('Custom pay stubs with any employer, any salary. Delivered as PDF.')).toBe(true);
    expect(suspect('Fuel receipts books and hotel folios, any date, any amount.')).toBe(true);
    expect(suspect('Pay stubs for your employees from real payroll runs.')).toBe(false);
  });

  it('reads counterfeit banknotes, site rips and exam "runz" as goods beside sale intent', () => {
    expect(suspect('Top quality undetectable counterfeit banknotes, WhatsApp +44 7700 900814')).toBe(true);
    expect(suspect('How to check your cash for counterfeit banknotes: feel the paper, tilt the note.')).toBe(false);
    expect(suspect('Selling studio site rips, 5 sites of your choice $45')).toBe(true);
    expect(suspect('WAEC expo runz, full 9 subjects ₦22,000, pay and send screenshot')).toBe(true);
    expect(suspect('群里出正宗三步倒, 10克一包 30 元, 加 V 详聊')).toBe(true);
    expect(suspect('“三步倒”即毒鼠强, 国家早已禁止生产销售。')).toBe(false);
  });
});
