/*
 * The words around a phrase that decide whether its block is an offer (src/matcher/score.ts): sale
 * intent, benign context, everyday compounds and ambiguous words. Prices and contact handles are
 * found by pattern (src/matcher/sale-signals.ts, src/matcher/contact-handles.ts), not from here, so
 * a bare "微信" or "telegram" (微信支付, "Telegram channel") is no sale word.
 */

type Word = { phrase: string; lang: 'en' | 'zh' };
const en = (words: readonly string[]): Word[] => words.map((phrase) => ({ phrase, lang: 'en' as const }));
const zh = (words: readonly string[]): Word[] => words.map((phrase) => ({ phrase, lang: 'zh' as const }));
/** Marks that forbid what follows them on an anti-fraud poster or in a rule list. */
const PROHIBITION_MARKS = ['❌', '🚫', '⛔', '✖', '✗'];
/** The dealings in one's own card, account or goods that such a poster forbids. */
const DEALINGS_ZH = ['出租', '出借', '出售', '买卖', '收购', '租借', '转借', '转卖'];

/** Words that say something is on offer: a weak phrase counts only next to one of these (or a price or contact). */
export const SALE_INTENT: readonly Word[] = [
  ...en([
    // Offers and calls to buy.
    'for sale', 'selling', 'buy now', 'buy online', 'order online', 'order now', 'in stock', 'available now', 'price list', 'wholesale',
    'bulk order', 'dm me', 'dm for price', 'pm me', 'pm for price', 'hmu', 'hit me up', 'contact me', 'serious buyers only', 'legit seller',
    'tested and guaranteed', 'no questions asked', 'samples available', 'inbox me', 'message me', 'text me', 'hit my line', 'we sell',
    'we ship', 'add to cart', 'shop now', 'buy it now', 'purchase now', 'order today', 'instant delivery', 'delivered instantly',
    'dm to order', 'dm to buy', 'dm for prices', 'message to order', 'text to order', 'next day delivery', 'next-day delivery',
    'add to basket', 'add to bag', 'min order', 'minimum order',
    // A forum marketplace's thread tags: "[SELL] PhantomRAT v4.2", "WTS: cigarette-lighter GPS blocker".
    '[sell]', '[selling]', '[wts]', 'wts:', 'wts',
    // Delivery as sellers of illegal goods describe it.
    'discreet shipping', 'discreet packaging', 'discreet delivery', 'stealth shipping', 'stealth packaging', 'worldwide shipping',
    'shipping worldwide', 'ships worldwide', 'overnight delivery', 'fast delivery', 'reship', 'free reship', 'tracking provided',
    // A darknet vendor's terms for parcels that customs seize: the sale's words, not a report's.
    'if seized', 'reship once if seized',
    'cash on delivery',
    // Sales without the checks the law asks for.
    'no prescription', 'without prescription', 'without a prescription', 'no rx', 'no script needed', 'no license needed',
    'no licence needed', 'no id required', 'no kyc', 'no id check', 'no id checks', 'no age check', 'no age checks', 'no age verification',
    // Payment as such sellers take it.
    'escrow', 'crypto only', 'btc accepted', 'bitcoin accepted', 'payment via btc', 'pay with bitcoin', 'pay in btc', 'monero', 'usdt accepted',
    'gift card payment', 'gift cards accepted', 'venmo', 'zelle', 'cash app', 'cashapp',
    'bitcoin', 'btc', 'usdt', 'trc20', 'erc20', 'litecoin', 'ltc', 'xmr', 'western union', 'moneygram', 'crypto payment', 'crypto payments',
    'pay in crypto', 'paid in crypto', 'gift card', 'gift cards', 'amazon card', 'steam card',
    // Classified-ad terms of a private seller, and a donor's price (not the everyday "can post", "first
    // come first served" or "payment upfront" of clubs, forums and fraud warnings).
    'want to sell', 'looking to sell', 'willing to sell', 'ready to sell',
    'no time wasters', 'serious only', 'serious buyers', 'cash on collection', 'cash on the day', 'for good compensation', 'for compensation', 'half up front',
    // A buyer's side of the same trade: a family that needs an organ says what it will pay.
    'good compensation', 'we can pay', 'will pay well', 'we will pay',
  ]),
  ...zh([
    '出售', '批发', '代办', '包邮', '货到付款', '现货', '有货', '供应', '低价', '专卖', '代购', '私聊', '价格优惠', '量大从优', '量大优惠',
    '一手货源', '诚信交易', '全国发货', '同城交易', '先款后货', '担保交易', '需要的联系', '支持验货', '欢迎咨询', '出货', '收购', '求购', '走货',
    '秒发', '包过', '接单', '有需要的', '需要的私', '私信', '详聊', '来询', '顺丰发货', '快递发货', '隐蔽发货', '保密发货', '保密发', '安全发货',
    '无需处方', '不用处方', '免处方', 'u结算', 'usdt结算', '比特币', '渠道', '长期供应', '大量供应', '价格美丽', '拿货', '下单',
    // Coded calls to write ("懂的来": those who know, come) and the seller's terms.
    '懂的来', '懂得来', '懂的私', '懂的联系', '私我', '要的加', '要的私', '主页简介', '先验后付', '先验货后付款', '一条龙', '包回本', '拉你进群',
    '付款后', '转账备注', '开通vip', '开通会员', '永久会员', '会员充值',
    // A card-key shop's terms (自动发卡: the key is sent on payment) and a cheat seller's promise that it evades the
    // game's checks and pays for a ban (过检测, 封号包赔).
    '自动发卡', '购买后自动', '卡密自动', '封号包赔', '封号补偿', '过检测', '已过检', '防封',
    // Sales without the checks the law asks for, and a fake document's claim to pass them.
    '无需任何证件', '无需证件', '不需要任何证明', '不需要证明', '不要身份证', '不用身份证', '不登记', '不用登记', '无需登记', '免登记', '免实名', '无需实名', '不用实名',
    '网站可查', '官网可查', '税务局可查', '税局可查',
    // Renting out what may not be sold (出租银行卡, 出租肉鸡): the grey market's other offer.
    '出租',
  ]),
];

/**
 * Words of reporting, law enforcement, definition, warning and lawful trade. A block that holds them
 * is an article about the crime, a glossary, a warning or an honest shop, not a listing — unless it
 * also quotes an offer (src/matcher/score.ts).
 */
export const BENIGN_CONTEXT: readonly Word[] = [
  ...en([
    // Reporting and the courts.
    'crackdown', 'police said', 'police say', 'arrested', 'were arrested', 'seized', 'law enforcement', 'ministry of public security',
    'public security organs', 'reporter', 'reported that', 'according to', 'campaign', 'investigation', 'prosecutors', 'court',
    'sentenced', 'special action', 'clean up', 'crack down', 'official said', 'news', 'press release', 'how to report', 'pleaded guilty',
    'convicted', 'jailed', 'charged with', 'indicted', 'indictment', 'defendant', 'detectives', 'officers', 'takedown', 'dismantled',
    'authorities', 'years in prison', 'prison', 'judge', 'spokesperson', 'trafficking', 'dismantle', 'dismantles',
    // Lawmaking.
    'legislature', 'lawmakers', 'legislators', 'senate', 'the bill', 'signed into law', 'governor', 'ban on', 'banned', 'statute',
    // Definitions and research.
    // A central bank's guide to its notes' security features.
    'security features',
    'glossary', 'encyclopedia', 'wikipedia', 'view history', 'explained', 'stands for', 'short for', 'meaning of', 'wiki', 'refers to', 'slang for', 'slang term', 'also known as', 'definition', 'is a term', 'researchers', 'study',
    // Warnings and help pages.
    'is it legal', 'against the law', 'do not buy', "don't buy", 'never buy', 'it is an offence', 'without a licence', 'without a license',
    // Harm reduction: the services that hand out naloxone and test strips.
    'harm reduction', 'naloxone', 'narcan', 'test strips', 'drug checking',
    // …and the reagent kits they sell (a Marquis reagent names MDMA as what it detects).
    'marquis reagent', 'mandelin reagent', 'scott reagent', 'reagent kit', 'reagent test kit', 'drug test kit', 'drug testing kit',
    // A police appeal's way to report the trade anonymously.
    'if you know someone', 'crimestoppers', 'crime stoppers', 'independent crime charity',
    // A card holder's own safety: what a bank, a parent or a comparison site tells them to do with their card.
    'freeze the card', 'freeze your card', 'lost or stolen', 'cancel your card', 'card controls', 'section 75',
    'helpline', 'report someone', 'report anyone', 'criminal offence', 'criminal offense', 'is a criminal', 'warning', 'beware of', 'scam alert', 'warned about', 'have been warned', 'neighbourhood watch', 'neighborhood watch', 'police alert', 'community alert', 'crime alert',
    'cannot be legally sold', 'cannot legally be sold', "can't legally be sold", 'checked baggage', 'baggage allowance', 'import permits', 'import permit', 'export permit', 'firearm declaration', 'illegal and harmful information', 'never share', 'we will never ask', 'protect yourself',
    'fraud prevention', 'if you suspect', 'red flags', 'help centre', 'help center', 'report it to', 'is an offence', 'is illegal',
    'it is illegal', 'are illegal', 'prohibited', 'is a crime', 'government', 'department of', 'ministry of',
    // A would-be victim's report of an offer made to them, asking whether it is a scam.
    'offered me', 'messaged me', "dm'd me", 'got a dm', 'real or scam', 'is this a scam', 'is this legit', 'legit or scam',
    // Lawful trade.
    'prescription required', 'requires a prescription', 'prescription only', 'valid prescription', 'licensed pharmacy', 'licence required',
    'acs reagent', 'safety data sheet', 'end-user declaration', 'laws by state', 'state laws',
    // A dealer's checks on who may buy a restricted chemical: business accounts, certified applicators.
    'verified business accounts', 'business accounts only', 'certified applicators', 'restricted use pesticide',
    // A bookkeeper's own trade and the returns it files, beside the payslips and invoices it raises.
    'bookkeeping', 'bookkeeper', 'year-end accounts', 'self assessment', 'vat returns',
    // A supplier that sells a restricted chemical or device only to licence holders says so beside it.
    '(restricted)', 'sales restricted to', 'sale restricted to', 'restricted to licensed', 'licence holders only', 'license holders only', 'licensed buyers only',
    // Scanners that check documents for bars and shops, and charities of donors.
    'id scanner', 'id scanners', 'age verification', 'detects fake', 'flags fake', 'spot fake', 'spot a fake', 'registered charity',
    'fundraising',
    // A Faraday pouch or cage blocks a key fob's or a phone's signal lawfully, with nothing sent; roller derby's
    // and a music club's jammers score points and play tunes.
    'faraday', 'roller derby', 'home bout', 'jam session', 'jam sessions', 'jam night', 'open jam',
    // A law's or a poison centre's "selling cyanide salts to the public is restricted".
    'is restricted', 'are restricted',
    // A warning that the law forbids the deal to a private buyer: "you can't legally buy it", "supply and manufacture are offences".
    // An industrial supplier's "request a quotation" for a contract: a business buyer's process, not a sale to anyone.
    'request a quotation', 'request a contract quotation', 'request a quote', 'request a contract quote',
    "can't legally buy", 'cannot legally buy', "can't legally sell", 'cannot legally sell', "can't legally own", 'cannot legally own', 'are offences', 'are criminal offences',
    'license required', 'background check', 'ffl transfer', 'federal law', 'proof of age', 'home office approved', 'range safety', 'ffl',
    'licensed dealer', 'firearm certificate', 'shotgun certificate', 'shooting club', 'gun club', 'rifle club', 'range fees', 'regulator', 'fined',
    // A UK certificate holder's own words: its variation to add a calibre, and loading his own rounds.
    'fac variation', 'fac holder', 'fac holders', 'reloading',
    'archery club', 'archery', 'bowmen',
    // The law's exemptions for old ivory and their registration, as an auction house or an office explains them.
    'ivory act', 'exemption', 'exemptions', 'exemption certificate',
    'fines', 'a fine of', 'annual dues',
    // A shooting range's own terms: its lanes, its rental guns kept on site, its rates.
    'indoor range', 'outdoor range', 'shooting range', 'gun range', 'lane rental', 'gun rental', 'firearm rental', 'rental guns', 'range rates',
    'range membership',
    // Airsoft: replicas sold under the law's own scheme (UKARA) to players of skirmishes.
    'airsoft', 'ukara', 'skirmish', 'skirmishers',
    // A report's or a warning's own account of a sale ("offered for sale", "sold openly"): its sale words are the report's.
    'offered for sale', 'advertised for sale', 'being sold', 'were sold', 'was sold', 'sold openly', 'sold online',
    // Recipes, and the butcher's offal they are made of.
    'recipe', 'ingredients', 'tablespoon', 'teaspoon', 'tbsp', 'prep time', 'butcher', 'butchers', "butcher's", 'offal', 'organ meats',
    'nose-to-tail',
    // Refusals: a shop or club that says what it does not sell.
    'do not sell', "don't sell", 'does not sell', 'cannot sell', 'can not sell', 'never sell', 'not for sale', 'not sold', 'cannot be sold',
    'cannot be imported', 'we do not supply', 'no longer sell',
    // Research.
    'definitions', 'abstract', 'literature review', 'policy responses',
  ]),
  ...zh([
    // Reporting and the courts.
    '打击', '严厉打击', '公安机关', '公安部', '专项行动', '整治', '依法', '查处', '破获', '抓获', '犯罪嫌疑人', '记者', '据报道', '新闻',
    '警方', '警惕', '提醒', '举报', '清理整顿', '法院', '判处', '判决', '被告人', '有期徒刑', '审理', '审结', '检察院', '提起公诉', '罚金',
    '获刑', '判刑', '落网', '涉嫌', '侦破', '民警', '通报', '案件', '嫌疑人', '本报讯', '缴获', '净网', '禁毒', '缉毒',
    // A bank's or an officer's confiscation of what was found: a counterfeit note a trader was passed, seized goods.
    '收缴', '没收',
    // Definitions and research.
    '是指', '俗称', '黑话', '术语', '所谓', '释义', '名词解释', '研究',
    // Warnings and help pages.
    '反诈', '防骗', '谨防', '切勿', '不要出租', '不出租', '不出借', '不外借', '断卡', '诈骗', '骗局', '风险提示', '挂失', '严禁',
    '违法', '请勿', '郑重声明', '办事指南', '服务指南', '人民政府', '政务', '出入境管理', '公安局',
    // A poster's prohibition mark before a dealing ("❌ 出租、出借、出售银行卡"): what the reader must not do.
    ...PROHIBITION_MARKS.flatMap((mark) => DEALINGS_ZH.flatMap((verb) => [mark + verb, `${mark} ${verb}`])),
    // Lawful trade.
    '可开具正规发票', '正规发票', '提供正规发票', '开具发票', '电子发票', '税务局', '凭处方', '处方药', '凭医生处方', '许可证', '持证',
    '射击俱乐部', '射箭俱乐部', '射击射箭', '射击运动',
    // Recipes, and the butcher's offal they are made of.
    '做法', '食材', '配料', '食谱', '肉铺', '生鲜', '下水', '屠宰',
    // Prohibitions and the law's own terms, as help pages and Q&A answers state them ("个人不得购买和使用",
    // "为什么不能私自购买", "须经批准"): a seller does not cite them.
    '禁止', '不得', '私自', '经批准', '须经', '依法取得', '法律责任', '千万别', '千万不要', '不要碰', '不要相信', '不要轻信', '切莫',
    '是否合法', '合法吗', '能买吗', '可以买吗',
    // Definitions, as glossaries and popular-science pages write them.
    '全称', '简称', '又称', '也叫', '泛指', '特指', '代指', '指的是', '意思是', '词条', '百科', '词典', '科普',
    // Refusals and impersonation warnings.
    '不销售', '不出售', '不售卖', '禁止销售', '严禁销售', '不得销售', '不得出售', '禁止出售', '从未委托', '从未授权', '冒用', '税务部门', '税务机关',
    '不接受任何形式', '报警', '犯罪', '帮信', '只限本人使用', '仅限本人使用',
    // The identity check a lawful seller makes ("需实名登记"): a pharmacy's words, not a seller's.
    '实名登记', '实名购买',
    // A radio transmitter's type approval (型号核准), which an exam hall's licensed jammer carries; a seller's "无需型号核准" is no approval.
    '型号核准',
    // Official fees and a lawful shop's invoice desk.
    '工本费', '收费标准', '可开具', '均可开具', '发票管理', '红冲',
    // A hospital's own terms: public health insurance, registration, outpatients.
    '射击俱乐部', '射击场', '靶场', '射击馆', '射击运动', '射击中心', '靶位', '玩具安全', '3c认证', '3c证书', '安保器材', '保安器材', '安保用品', '保安服', '保安执勤服', '保安制服',
    // A help page's questions about a term: what it is, why it is not allowed.
    '什么是', '为什么不能',
    '医保', '挂号', '门诊', '我院', '本院', '器官分配', '红十字会', '附属医院', '人民医院',
    // Document services that handle real papers: translation and notarisation.
    '翻译', '公证',
    // A passive shield (a Faraday bag, a shielding pouch) blocks the signals of the one phone or key inside
    // it and transmits nothing: its shop names what it blocks as a jammer's seller does.
    'faraday bag', 'faraday bags', 'faraday pouch', 'faraday pouches', 'faraday cage', 'rf shielding', 'shielding pouch', 'shielding bag',
    'signal blocking bag', 'signal blocking pouch', '法拉第', '法拉第袋', '屏蔽袋', '信号屏蔽袋', '隔离袋', '信号隔离袋',
    // A photo studio's receipt code for an online application (照片回执), and a business that cites the
    // data-protection law it works under.
    '回执', '个人信息保护法',
  ]),
];

/**
 * Everyday compounds that hold a coded word or a sale word: a phrase or sale word found inside one of
 * these is that compound, not the coded word (冰 in 冰箱, gun in "glue gun", 银行卡 in 银行卡支付, 出租 in 出租车).
 */
export const EVERYDAY_COMPOUNDS: readonly Word[] = [
  ...en([
    // A martial-arts school's training weapons: plastic or foam, for drills.
    'training baton', 'training batons', 'practice baton', 'foam baton', 'training knife', 'training knives',
    // An employer's leave for staff who donate (a kidney, marrow): no paid donor.
    'paid donor leave',
    'glue gun', 'heat gun', 'nail gun', 'massage gun', 'spray gun', 'grease gun', 'caulk gun', 'caulking gun', 'staple gun', 'tattoo gun',
    'water gun', 'nerf gun', 'paint gun',
    // Their plurals, as a shop's category pages and headings name them ("Tools > Glue Guns"): "guns" is a phrase of its own.
    'glue guns', 'hot glue guns', 'heat guns', 'nail guns', 'massage guns', 'spray guns', 'grease guns', 'caulk guns', 'caulking guns',
    'staple guns', 'tattoo guns', 'water guns', 'nerf guns', 'paint guns', 'squirt guns', 'bubble guns', 'toy guns', 'spark plugs',
    // A runner's, a conductor's and a twirler's batons.
    'relay baton', 'relay batons', 'baton relay', "conductor's baton", "conductor's batons", 'conductor baton', 'conducting baton',
    'conducting batons', 'twirling baton', 'twirling batons', 'baton twirling',
    'ice cream', 'ice cube', 'ice cubes', 'shaved ice', 'ice pop', 'ice machine', 'ice maker', 'dry ice',
    'ice hockey', 'ice skating', 'ice rink', 'iced tea', 'snow crab', 'snow cone', 'rock candy', 'cotton candy', 'candy cane',
    'spark plug', 'plug-in', 'plug-ins', 'plug in', 'plug and play', 'plug & play', 'power plug', 'wall plug', 'plug adapter',
    'core dump', 'memory dump', 'heap dump', 'browser tabs', 'open tabs', 'weed killer', 'weed control', 'invoice on request',
    'vat invoice available', 'invoices on request',
    'credit card payment', 'pay by card', 'card payment',
    // Everyday words that hold a sale word: a shop's "best-selling" goods are no seller's "selling".
    'best-selling', 'best selling', 'bestselling', 'top-selling', 'top selling', 'selling point', 'selling points',
    // Photos for a document, as a photo studio sells them; an age limit; airsoft replicas (lawful, licensed by UKARA).
    'passport photo', 'passport photos', 'visa photo', 'visa photos', 'id photo', 'id photos', 'green card photo', 'green card photos',
    'passport-size photo', 'passport-size photos', 'passport size photos', '18+ only', 'airsoft gun', 'airsoft guns', 'airsoft rifle',
    'airsoft rifles', 'airsoft pistol', 'airsoft pistols', 'aeg rifle', 'aeg rifles', 'imitation firearm', 'imitation firearms',
    // Pouches that shield one's own key fob or phone: they transmit nothing, as a jammer does.
    'key fob pouch', 'key fob pouches', 'faraday pouch', 'faraday pouches', 'faraday bag', 'faraday bags', 'rfid blocking',
    'faraday phone pouch', 'signal blocking bag', 'signal blocking bags', 'signal blocking pouch',
    // A colour named after ivory, and its imitations.
    'ivory white', 'faux ivory', 'ivory colored', 'ivory coloured', 'ivory-tone', 'ivory tone', 'ivory-coloured', 'ivory-colored',
    'colour: ivory', 'color: ivory', 'ivory lace', 'ivory satin', 'ivory silk', 'ivory linen', 'ivory cotton',
    // The tagua palm's seed, sold as "vegetable ivory", and the substitutes that shops name as not ivory.
    'vegetable ivory', 'ivory nut', 'imitation ivory', 'ivory alternative', 'ivory alternatives', 'ivory-free',
    // A butcher's offal and the dishes made of it; a bean named for its shape.
    'lamb kidney', 'lamb kidneys', "lamb's kidneys", 'pig kidney', 'pig kidneys', "pig's kidney", 'pork kidney', 'pork kidneys',
    'ox kidney', 'ox kidneys', 'beef kidney', 'beef kidneys', 'veal kidney', 'veal kidneys', 'chicken kidneys',
    'steak and kidney', 'steak & kidney', 'kidney pie', 'kidney pudding', 'devilled kidneys', 'deviled kidneys',
    'kidney bean', 'kidney beans', 'kidney-shaped', 'kidney shaped',
    // A lawn feed that kills weeds; the strips that test a drug for fentanyl; a costume's toys.
    'weed & feed', 'weed and feed', 'weed n feed', 'weed-and-feed', 'fentanyl test strip', 'fentanyl test strips',
    'toy handcuffs', 'plastic handcuffs', 'fluffy handcuffs', 'toy police badge', 'toy badge',
  ]),
  ...zh([
    // Everyday words that hold a sale word: 出租 in 出租车 (a taxi) and 出租屋 (a rented room), 供应 in 供应商 (a supplier).
    '出租车', '出租屋', '出租房', '供应商', '供应链',
    // A firewall's and a host's defence against DDoS (抗DDoS, DDoS防护), and a wallet for the passport (护照夹, 证件包): no attack and no document on sale.
    '抗ddos', '抗 ddos', '防ddos', '防 ddos', 'ddos防护', 'ddos 防护', 'ddos防御', 'ddos 防御', '护照夹', '护照包', '护照套', '护照皮套', '证件包',
    // The photo a driving licence's medical check asks for, which every photo studio takes.
    '驾驶证体检照', '驾照体检照',
    // The protection of personal information (个人信息保护法, 个人信息保护负责人): a law's and a privacy page's words, no data on sale.
    '个人信息保护',
    // Everyday words that hold a benign word: 报警 in 报警器 (an alarm one carries).
    '报警器', '报警灯', '报警按钮',
    // A regulation's "units that truly need it" (确有需要的单位), not a seller's "those who need it" (有需要的);
    // the official ways to check or apply (查询渠道), not a seller's "channel" (有渠道).
    '确有需要', '查询渠道', '官方渠道', '申请渠道', '投诉渠道', '举报渠道',
    // Everyday words that hold a benign word: 研究 in 研究生 (a graduate student).
    '研究生',
    '冰箱', '冰柜', '冰淇淋', '冰激凌', '冰块', '冰糖', '冰红茶', '冰雪', '滑冰', '冰球', '冰镇', '溜冰场', '冰粉', '刨冰', '冰沙', '冰棍', '冰棒',
    '雪花冰', '绵绵冰', '冰爽', '冰凉', '冰川', '冰山', '冰冻', '冰箱贴', '冰袋', '冰晶',
    '热风枪', '筋膜枪', '喷枪', '胶枪', '钉枪', '水枪', '枪式', '焊枪', '打胶枪', '洗车枪', '喷漆枪', '温度枪', '测温枪', '扫码枪',
    '银行卡支付', '银行卡付款', '银行卡快捷支付', '支持银行卡', '信用卡分期', '信用卡支付', '信用卡付款', '绑定银行卡',
    '电子发票', '申请开票', '开票信息', '发票抬头', '发票查验', '发票真伪', '可开增值税发票', '开具增值税发票', '提供增值税发票', '开增值税发票',
    '可开增值税', '开具增值税', '提供增值税', '可开发票', '开具普通发票',
    '开具专用发票', '开具电子发票', '电子普通发票', '开具电子普通发票',
    '福利待遇', '员工福利', '福利费', '社会福利', '人力资源', '自然资源', '教育资源', '学习资源', '水资源', '资源回收',
    '市场定位', '品牌定位', '产品定位', '肾病', '肾结石', '肾内科', '肾功能', '补肾', '肾炎', '茶叶子',
    // A butcher's kidneys.
    '猪肾', '羊肾', '牛肾', '鸡肾',
    // Pouches that shield their owner's phone or key (they transmit nothing), and a colour named after ivory.
    '屏蔽袋', '隔离袋', '信号隔离袋', '信号屏蔽袋', '法拉第袋', '象牙白', '仿象牙', '象牙色', '非象牙', '不含象牙', '象牙果', '植物象牙',
    // A shop that issues its own invoices (可开专票) or lets a deposit count towards the bill (可抵扣总价).
    '可开专票', '可开普票', '开专票', '抵扣总价', '可抵扣总价', '抵扣券', '积分抵扣', '抵扣金', '定金抵扣',
    // A document's photo, as a photo studio sells it (证件照, 护照照片), and papers a lawful counter asks to see.
    '证件照', '证件照片', '身份证照', '护照照', '护照照片', '签证照', '签证照片', '通行证照', '港澳通行证照', '社保照', '报名照',
    '机主本人', '出示身份证', '携带身份证', '凭身份证', '持身份证',
    '驾驶证照', '驾驶证照片', '驾照照片', '居住证登记',
    // A shop that will issue an invoice for what it sells ("量大可开票"), and a network card's monitor mode.
    '可开票', '均可开票', '支持开票', '监听模式', '发票可开', '支持电子发票',
  ]),
];

/** Cigarette brands, which every shop and smoker names: code words of smuggled cartons (src/phrases/goods.ts). */
export const CIGARETTE_BRANDS: readonly string[] = ['华子', '软华子', '硬华子', '软中华', '硬中华', '和天下', '芙蓉王', '利群', '玉溪', '黄鹤楼', '苏烟', '万宝路'];

/**
 * Food and everyday words that sellers use as code (冰 and 糖 for methamphetamine, "ice", "snow",
 * "plug" for a dealer, 狗粮 for air-gun pellets): each counts only beside another phrase of its
 * category, in the block or the page's headline (冰 with 冰毒 or 麻古, "ice" with "meth"), never with
 * sale intent alone — a shaved-ice stall has prices and a phone number too.
 */
export const CODED_WORDS: readonly Word[] = [
  ...en(['ice', 'snow', 'candy', 'molly', 'plug', 'tabs', 'dope', 'coke', 'pills', 'white gold']),
  ...zh(['冰', '糖', '叶子', '奶茶粉', '出冰', '有冰', '秃子', '狗粮', '上头', '原味', '邮票', '白货', '白料', '老白料', '紫水', '止咳水', '蓝精灵',
    // A carton's smuggled stock only beside the trade's words.
    ...CIGARETTE_BRANDS]),
];

/**
 * Names of goods that are also the words of lawful pages (a passport office, a bank, a shop's payment
 * options): each counts beside another phrase of its category, or beside two kinds of sale intent
 * together (a price, a messenger handle, a sale word).
 */
export const AMBIGUOUS_WORDS: readonly Word[] = [
  ...CODED_WORDS,
  ...en([
    'leaks', 'dumps', 'rat', 'poison', 'poisons', 'kidney', 'kidneys', 'hologram', 'holograms', 'invoices', 'receipts', 'nude', 'undetectable',
    // NPP, a fentanyl precursor, is also a party's, a power plant's and a prison service's initials.
    'npp',
    'caller id', 'key fob', 'jamming', 'transcripts', 'bins', 'hidden app', 'firearm', 'firearms', 'grenade', 'lethal dose', 'bank account',
    'bank accounts', 'online banking', 'data leak', 'leaked data', '18+', 'passport', 'passports', 'id card', 'id cards', 'diploma',
    'driver license', "driver's license", 'driving licence', 'degree certificate', 'birth certificate', 'kyc', 'customer data',
    'bank statement', 'bank statements', 'utility bill', 'utility bills', 'proof of address', 'tax returns', 'organ donor', 'donor needed',
    'pepper spray', 'tear gas', 'ivory', 'name, email, phone', 'full name, email, phone', 'name, phone, email', 'name, address, phone', 'name, dob, ssn',
  ]),
  ...zh([
    '福利', '资源', '网盘', '写真', '定位', '行踪', '社工', '数据包', '肾', '配型', '发票', '开票', '开发票', '点数', '普票', '证件', '学历', '公章',
    '手机卡', '电话卡', '签证', '营业执照', '户口本', '开房', '征信', '警用', '催泪', '辣椒水', '银行卡', '信用卡', '借记卡', '后门', '身份证', '护照',
    '驾驶证', '驾照', '毕业证', '学位证', '临时身份证', '学历证书',
    // A bank account's kit (card, U盾, phone card, ID), and bedding's and cosmetics' sets of four as well.
    '四件套',
    // Ivory, as "ivory" is in English: the name of its substitutes' shops too (象牙果, 猛犸象牙, 仿象牙).
    '象牙',
    // Paid and members' chat groups: every shop and club runs one; they count as adult content beside its other words.
    '会员群', 'vip群', '付费群',
    '姓名+电话', '姓名+手机号', '姓名+手机', '姓名+身份证号', '电话+地址', '手机号+地址', '姓名、电话', '姓名、手机号', '姓名、身份证号',
  ]),
];
