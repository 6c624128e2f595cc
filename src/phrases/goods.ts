import type { Category } from '../shared/taxonomy';
import { CIGARETTE_BRANDS } from './signals';

/*
 * The names of the goods themselves, as sellers and buyers write them: controlled drugs (brand,
 * generic and street names, from the international schedules and China's 麻醉药品和精神药品品种目录 and
 * 易制毒化学品 lists), gun models and parts, poisons, document types, data, card and account jargon,
 * hacking and spyware products, jammers, organs, adult-content resale and protected wildlife, and
 * the pinyin spellings that Chinese sellers use to pass keyword filters (fa piao, pingbiqi). Each is
 * a weak phrase: a pharmacy leaflet, a news report or a gun club names them too, so they count only
 * next to sale intent (src/matcher/score.ts). Merged into the built-in lists by index.ts.
 */
type Goods = Partial<Record<Category, readonly string[]>>;

export const GOODS_EN: Goods = {
  'firearms-explosives': [
    'handgun', 'handguns', 'revolver', 'carbine', 'firearm', 'firearms', 'ar15', 'ak47', 'ak-74', 'm4 carbine', '9mm', '5.56', '7.62x39', '.22lr',
    '.45 acp', '12 gauge', 'glock 17', 'glock 19', 'glock 43', 'sig sauer', 'p365', 'beretta', 'smith & wesson', 'ruger', 'mossberg', 'remington 700',
    'uzi', 'mac-10', 'blank firer', 'blank-firer', 'blank firing', 'converted blank', 'lower receiver', 'upper receiver', 'bolt carrier group',
    'hi-cap mags', 'extended mag', 'bump stock', 'binary trigger', 'forced reset trigger', 'grenade', 'grenades', 'c4', 'semtex', 'tnt', 'dynamite',
    'detonating cord', 'blasting caps', 'pipe bomb', 'thermite', 'rounds of ammo', 'boxes of ammo',
    // Firecrackers the law bans as explosives (an M-80, a "quarter stick", flash powder by the pound).
    'm-80', 'm-80s', 'm80s', 'quarter stick', 'quarter sticks', 'flash powder', 'cherry bombs',
    // Plurals, as listings name their stock: a Latin phrase matches on word boundaries, so "gun" is not "guns".
    'guns', 'pistols', 'rifles', 'shotguns', 'glocks', 'detonators', 'det cord', 'silencers', 'suppressors', 'converted pistols', 'blank firers', 'blankers',
    // Glock models and parts as sellers shorten them; a gun without its serial number.
    'g17', 'g19', 'g26', 'g43', 'g48', 'glock clones', 'g19 clones', 'p80', 'auto sears', '80% lowers', '30rd mags', '30 rd mags', 'no serial',
  ],
  'weapons-police-gear': [
    'otf knife', 'otf knives', 'automatic knife', 'auto knife', 'gravity knife', 'balisong', 'karambit', 'push dagger', 'knuckle duster',
    'knuckle dusters', 'compound crossbow', 'pistol crossbow', 'crossbow bolts', 'stun baton', 'cattle prod', 'police uniform', 'police uniforms',
    'duty belt', 'riot shield', 'tear gas', 'pepper spray', 'taser x26', 'expandable baton', 'warrant card', 'police id',
    'gravity knives', 'oc spray', 'tasers', 't4zer', 't4zers', 'stun guns',
    // Knives that England and Wales prohibit (zombie-style knives since 2024, flick and cyclone knives, throwing
    // stars, sword sticks), as sellers name them.
    'zombie knife', 'zombie knives', 'zombie-style knife', 'zombie-style knives', 'zombie blades', 'flick knife', 'flick knives',
    'cyclone knife', 'cyclone knives', 'throwing stars', 'sword stick', 'sword sticks', 'belt buckle knife',
    // Batons by the dozen, and a stun gun by the voltage its seller claims ("10 million volt flashlight").
    'batons', 'expandable batons', 'telescopic baton', 'telescopic batons', 'million volt', 'million volts', 'million-volt',
    // PAVA, the police's incapacitant spray, which the UK prohibits to everyone else; a torch with a stun function.
    'pava spray', 'pava sprays', 'stun torch', 'stun torches', 'stun function',
  ],
  'drugs-precursors': [
    // Cocaine by the grade its dealers sell it as: Peruvian flake, fish scale, "not stepped on" (uncut), "off the brick".
    'peruvian flake', 'fishscale', 'peruvian fishscale', 'not stepped on', 'straight from the brick', 'straight off the brick', 'off the brick',
    'oxycontin', 'oxycodone', 'hydrocodone', 'percocet', 'vicodin', 'roxicodone', 'roxies', 'dilaudid', 'hydromorphone', 'morphine', 'codeine',
    'fentanyl', 'fentanyl patches', 'tramadol', 'tapentadol', 'xanax', 'alprazolam', 'valium', 'diazepam', 'klonopin', 'clonazepam', 'ativan',
    'lorazepam', 'adderall', 'ritalin', 'suboxone', 'methadone', 'ketamine', 'mephedrone', '4-mmc', '3-mmc', '3-cmc', 'alpha-pvp', 'mdma',
    'ecstasy', 'lsd', 'dmt', 'psilocybin', 'magic mushrooms', 'cocaine', 'heroin', 'meth', 'methamphetamine', 'crystal meth', 'amphetamine',
    'ghb', 'gbl', '1,4-butanediol', 'thc vape', 'thc carts', 'cannabis', 'xanax bars', 'm30', 'pressed pills', 'research chemical',
    'research chemicals', 'pmk', 'bmk', 'p2p', '1p2p', 'safrole', 'ephedrine', 'pseudoephedrine', 'red phosphorus', '4-anpp', 'phenylacetone',
    'nitazene', 'isotonitazene', 'carfentanil', 'coke', 'pills',
    // Fentanyl's precursors, as the UN 1988 Convention's Table I names them since 2017–2024 (NPP, ANPP, 4-AP,
    // 1-boc-4-AP, norfentanyl, 4-piperidone and its boc form) and as chemical traders' adverts write them.
    'npp', 'anpp', 'n-phenethyl-4-piperidone', '4-ap', '4-anilinopiperidine', '1-boc-4-ap', 'boc-4-ap', 'norfentanyl',
    '4-piperidone', '1-boc-4-piperidone', 'n-boc-4-piperidone', 'boc-4-piperidone',
    // Street names of a dose or a grade, as dealers' menus write them.
    'molly caps', 'mdma caps', 'cali tops', 'cali weed', 'cali bud', 'cali packs', 'pressies',
  ],
  'toxic-chemicals': [
    'potassium cyanide', 'sodium cyanide', 'kcn', 'nacn', 'thallium sulfate', 'thallium acetate', 'sodium azide', 'mercury chloride',
    'mercuric chloride', 'aconite', 'aconitine', 'abrin', 'tetrodotoxin', 'sodium fluoroacetate', 'dimethylmercury', 'colchicine', 'poison',
    'poisons', 'lethal dose',
    // Banned pesticides that poachers and poisoners buy: carbofuran (Furadan), aldicarb (Temik), tetramine.
    'carbofuran', 'furadan', 'aldicarb', 'temik', 'tetramine',
  ],
  'identity-documents': [
    'passport', 'passports', 'id card', 'id cards', "driver's license", 'drivers license', "driver's licence", 'social security card',
    'green card', 'residence card', 'birth certificate', 'degree certificate', 'transcripts', 'scannable id', 'scannable ids', 'novelty ids',
    'hologram', 'holograms', 'real documents', 'registered documents', 'biometric passport', 'ielts certificate', 'toefl certificate', 'visa stamp',
    'fake id', 'fake ids', 'scannable', 'scannables', 'holos',
    // A forged document's claim to pass checks, as its sellers make it.
    'database registered', 'registered in the database', 'government database', 'entered in the government database', 'registered in the system', 'entered into the system', 'passes uv', 'uv and blacklight',
    'chip reads', 'camouflage passport', 'novelty passport', 'replica passport', 'replica id', 'fake license', 'fake licence', 'fake visa',
    'counterfeit id', 'counterfeit documents', 'fake documents', 'real and fake documents',
    'forged id', 'forged ids', 'forged id cards', 'forged identity cards', 'forged passport', 'forged passports', 'forged documents',
    'forged driving licence', 'forged driving licences', "forged driver's license", 'forged licence', 'forged license',
  ],
  'personal-data': [
    'db dump', 'ssn dob', 'mmn', 'kyc', 'id scans', 'selfies with id', 'doxx',
    'email list', 'phone list', 'customer data', 'breach data', 'breached data', 'leaked database', 'credit reports', 'background reports',
    'doxxing', 'sgk', 'lookup bot', 'combo lists', 'email:pass', 'mail:pass', 'database leak', 'leaked db', 'sql dump', 'unique customers',
    'name, email, phone', 'full name, email, phone', 'name, phone, email', 'name, address, phone', 'name, dob, ssn',
  ],
  'bank-cards': [
    'cvv2', 'track 1', 'track 2', 'tr1', 'tr2', 'bins', 'non-vbv', 'vbv', 'skimmer', 'skimmed', 'msr605', 'cloned card', 'clone cards',
    'atm cards', 'money mule', 'bank account', 'bank accounts', 'online banking', 'account for rent', 'rent your account', 'prepaid cards', 'paypal accounts', 'verified accounts', 'bank drops', 'fullz with cvv',
    // Money-mule job adverts: the "assistant" receives strangers' payments in a personal account and sends them on.
    'personal current account', 'into your personal account', 'into their personal account', 'forward funds', 'forward the funds',
    'payment processing agent', 'money transfer agent',
  ],
  'counterfeit-invoices': [
    'invoices', 'receipts', 'fake receipt', 'receipt generator', 'pay stubs', 'bank statement', 'bank statements', 'utility bill', 'utility bills',
    'proof of address', 'custom invoice', 'payslips', 'tax returns', 'w-2', 'p60',
    'backdated', 'backdate', 'custom receipts', 'novelty receipts', 'replacement receipts', 'receipts from any', 'invoices from any',
    'identical to the originals', 'real-looking', 'genuine-looking',
    // Invoices with no sale behind them, as GST and VAT bill traders sell them.
    'no goods movement', 'only billing', 'bill trading', 'fake gst bills', 'accommodation invoices', 'invoices without goods',
    // …and invoices issued in real firms' names, or copied from any shop, as their sellers offer them.
    'from real companies', 'from real registered companies', 'from registered companies', 'from registered trading companies',
    'invoices from real', 'receipts from real', 'from any store', 'from any shop', 'from any retailer', 'itc bills', 'pucca bills',
    'bill on demand', 'bills on demand', 'selling costs', 'sell costs',
  ],
  'hacking-tools': [
    // Phishing pages as their sellers name them ("scama", "scampage"), and the panel that grabs the one-time code.
    'scama', 'scamas', 'scama page', 'scama pages', 'scampage', 'scampages', 'otp grabber', 'otp grab',
    'stalkerware', 'remote access trojan', 'rat', 'hvnc', 'infostealer', 'crypter', 'fud', 'ddos', 'booter', 'stresser', 'phishing page',
    'phishing pages', 'scam page', 'otp bypass', 'sms bomber', 'caller id', 'imsi catcher', 'stingray', 'zero-day', '0day', 'exploit kit',
    'account hacking', 'facebook hack', 'facebook hacking', 'instagram hack', 'whatsapp hack', 'snapchat hack', 'hack tool', 'hacking tool',
    'hacking software', 'track location', 'track your partner', 'read their messages', 'monitor messages', 'hidden app', 'undetectable',
    'password cracker', 'cracked accounts', 'spy software', 'cheating partner', 'cheating spouse', 'spy on your partner', 'they will never know',
    'read deleted messages', 'see every message', 'read their messages', 'remote microphone', 'listen in remotely', 'hidden tracking app',
    'phone monitoring app', 'monitor their phone',
    // Spyware as its sellers pitch it to a jealous partner, and its stealth.
    'without them knowing', 'without them noticing', 'without their knowledge', "partner's phone", 'read their whatsapp', 'spy on whatsapp',
    'whatsapp spy', 'catch a cheater', '100% invisible', 'icon hidden', 'hide the icon', 'listen to their calls', 'record their calls',
    // Malware, stolen-session and phishing products, and the ransomware trade's recruiting.
    'remote access tool', 'keyloggers', 'stealer logs', 'stealer log', 'infostealer logs', 'crypters', 'fud crypter', 'botnets', 'ddos for hire',
    'raas', 'ransomware as a service', 'ransomware-as-a-service', 'ransomware affiliate', 'ransomware builder', 'initial access broker',
    'initial access brokers', 'otp relay', 'live otp', 'phishing as a service', 'phishing-as-a-service', 'bank pages', 'scam pages',
    // Car-theft electronics: relay boxes that extend a keyless fob's signal, CAN-bus injectors.
    'relay kit', 'relay attack kit', 'keyless entry repeater', 'can injector', 'can bus injector', 'can-bus injector', 'headlight injector',
    // Malware families and spyware products sold by name, and the cracking kit of account thieves.
    'njrat', 'asyncrat', 'remcos', 'quasar rat', 'darkcomet', 'nanocore', 'redline stealer', 'raccoon stealer', 'vidar stealer', 'lumma stealer',
    'agent tesla', 'hidden vnc', 'token grabber', 'cookie stealer', 'password stealer', 'spy apk', 'android spy', 'iphone spy', 'cell phone spy',
    // Game cheats sold by subscription, and the kits that relay a login past its second factor.
    'aimbot', 'aimbots', 'wallhack', 'wallhacks', 'esp cheat', 'game cheats', 'undetected cheat', 'undetected cheats', 'cheat loader', 'hwid spoofer',
    '2fa bypass', 'mfa bypass', 'reverse proxy kit', 'scampage', 'scampages',
    'mspy', 'flexispy', 'hoverwatch', 'sms spoofer', 'email spoofer', 'spoof sms', 'bulletproof hosting', 'smtp cracker', 'openbullet',
    'silverbullet', 'account checker', 'brute forcer', 'rat builder', 'silent exploit', 'doc exploit', 'ransomware kit',
    // Accounts broken into as a paid service, named by the app ("hack any WhatsApp"), and attack time for hire.
    'hack any whatsapp', 'hack any instagram', 'hack any facebook', 'hack any snapchat', 'hack any account', 'hack whatsapp',
    'hack instagram', 'hack facebook', 'hack snapchat', 'hack gmail', 'account cracking', 'ddos attack', 'ddos attacks', 'ddos service',
    'ip stresser', 'bypass cloudflare',
    // A booter's plans as it sells them: attack seconds and concurrent attacks, its floods and the protections it bypasses.
    'boot anyone', 'boot time', 'concurrents', 'http flood', 'udp flood', 'syn flood', 'layer 7 attacks', 'l4 methods', 'l7 methods',
    'cf bypass', 'ovh bypass', 'bypass ovh', 'home kill',
    // Streaming and game accounts sold for a few dollars "lifetime", which only a stolen or shared login gives.
    'netflix lifetime', 'netflix premium lifetime', 'disney+ lifetime', 'spotify premium lifetime', 'lifetime netflix', 'lifetime premium accounts',
    'do not change email or password', 'stolen steam accounts', 'cracked netflix', 'cracked spotify',
  ],
  jammers: [
    'cell blocker', 'wifi blocker', 'jamming', 'drone jammer', 'wifi jammer', '5g jammer', 'anti-tracking', 'tracker blocker', 'relay attack', 'key fob',
    'code grabber', 'keyless repeater', 'gps signal blocker', 'jammer kit', 'knocks out gps', 'blocks gps', 'block gps', 'kill the gps',
    'tracker killer', 'anti-gps', 'gps killer',
    'privacy plug', 'gps privacy', 'gps loses signal',
    // A jammer named by what it does to the tracker in a truck or a financed car, as its sellers pitch it.
    'tracker loses', 'tracker goes dark', 'tracker shows no signal', 'tracker shows you parked', "tracker can't phone home",
    'loses its satellite fix', 'loses fix', 'gps goes dark', 'loses gps', 'gps signal disappears',
  ],
  'human-organs': [
    'kidney', 'kidneys', 'organ donor', 'donor needed', 'liver donor', 'organ sale', 'sell kidney',
    'kidney transplant', 'compensation for donor', 'donate kidney', 'donate my kidney', 'kidney needed', 'need a kidney',
    'paid donors', 'paid living donors', 'liver donors', 'kidney donors', 'donor fee',
    // A broker's promise: the donor found and the waiting list skipped.
    'no waiting list',
    // A seller of their own organ, in the words of a classified ad.
    'willing to donate', 'healthy donor', 'donor available', 'kidney available',
  ],
  pornography: [
    // An escort's terms: whether she receives or visits.
    'incall', 'outcall', 'in-call', 'out-call',
    'onlyfans', 'fansly', 'nude', '18+', 'adult content', 'sex tape', 'spycam', 'upskirt', 'premium snapchat', 'telegram vip', 'mega folder', 'site rips', 'studio rips',
    'vip group', 'private videos', 'of leaks', 'content pack', 'explicit videos', '🔞', 'paywalled videos', 'leaked videos', 'fav creators',
    'lifetime vip',
    'spy cam', 'spy cams', 'spy cam videos', 'hidden camera videos', 'hidden-camera videos', 'hidden cam videos', 'locker room cam', 'changing room cam',
    'onlyfans leaked', 'leaked onlyfans', 'nude leaks', 'porn pack', 'voyeur videos', 'mega links', 'sex videos', 'leaked sex', 'nude photos',
  ],
  other: [
    'ivory', 'rhino horn', 'pangolin scales', 'pangolin', 'tiger bone', 'tiger skin', 'bear bile', 'counterfeit money', 'fake money',
    'counterfeit notes', 'counterfeit bills', 'fake banknotes', 'undetectable notes', 'counterfeit dollars', 'counterfeit us dollars',
    'counterfeit euros', 'fake dollars', 'fake euros', 'passes pen test', 'passes the pen test', 'grade a notes', 'counterfeit banknotes', 'runz', 'expo runz', 'exam cheating', 'cheating device', 'exam answers',
    'invisible earpiece',
    // Exams sat by someone else and degrees bought, counterfeit cash, parcel-reshipping mule jobs, wildlife parts.
    'exam proxy', 'proxy exam', 'proxy test taker', 'take your exam', 'take my exam', 'exam taker for hire', 'pay someone to take',
    // …as Indian recruitment-exam rackets name the impersonator: a "dummy" or "proxy" candidate.
    'dummy candidate', 'dummy candidates', 'proxy candidate', 'proxy candidates',
    'fake diplomas', 'fake degree', 'fake degrees', 'buy a diploma', 'degree mill', 'diploma mill',
    'novelty diploma', 'replica diploma', 'counterfeit cash', 'fake cash', 'fake bills', 'counterfeit currency', 'package reshipping',
    'reshipping job', 'reshipping manager', 'ivory carvings', 'raw ivory', 'shahtoosh', 'tiger parts',
    // Reviews bought as the brokers sell them: verified purchases refunded after a five-star review, with a commission.
    'verified purchase reviews', 'real buyer accounts', 'refund after review', 'full refund + commission', 'refund + commission',
    'refund and commission', 'review for refund', 'reviews for refund',
    // Wildlife parts as traders name and code them, and the permit they say is not needed.
    'raw tusk', 'tusks', 'tusk sections', 'schreger lines', 'horn powder', 'rhino horn powder', 'pango scales', 'pangolin scale', 'no cites', 'without cites',
    // Reviews written to order, as their sellers offer them ("real-looking 5★ Google reviews", "non-drop"); "fake reviews"
    // is the warnings' word (a PSA about review-writing scams with their sums), not the sellers'.
    'buy google reviews', 'buy trustpilot reviews', '5-star google reviews', '5★ google reviews',
    'real-looking reviews', 'real looking reviews', 'real-looking 5★', 'non-drop', 'non drop',
    // Tobacco sold without its duty, as its sellers and the reports on them name it.
    'no uk duty', 'no duty paid', 'no duty no tax', 'duty not paid', 'non-duty paid', 'non-duty-paid', 'no duty stamp', 'no uk duty stamp',
    'cheap cartons', 'cheap baccy', 'cheap fags', 'illicit cigarettes', 'illicit tobacco', 'smuggled cigarettes', 'smuggled tobacco',
    'cheap smokes', 'cheap cigs', 'no duty', 'untaxed cigarettes', 'unstamped cigarettes', 'duty-free cigarettes', 'duty free cigarettes',
    'elephant tusk', 'tusk pieces', 'tusk material', 'half-tusk', 'hot pin test', 'hot needle test', 'lion bone', 'lion bones',
    'leopard skin', 'leopard skins', 'anteater scales', 'white gold',
    // A bought degree's selling points: any school, its seal and signatures copied, entered in the records.
    'embossed gold seal', 'registrar signatures', 'degree from any', 'diploma of the university you choose', 'any university',
    'original-quality diplomas', 'replica of the diploma', 'registration in the school records',
    'verifiable degree', 'verifiable degrees', 'verified diplomas', 'replica degree',
    'replica degrees', 'gpa of your choice', 'grades of your choice', 'degree package', 'diploma + transcript',
    'degree + transcript', 'university degree online', 'any year',
    'take the exam for you', 'sit the exam for you', 'sits your exam', 'sit your exam', 'exam for you', 'leaked exam questions',
    'leaked questions', 'guaranteed score', 'pass guaranteed',
    // Counterfeit notes by the checks their sellers say they pass, the detector pen and the UV lamp together
    // (passing the pen is a forger's promise of its own: src/matcher/sale-signals.ts), and by their grade.
    'passes marker pen', 'pen + uv', 'pen & uv', 'pen and uv', 'uv & pen', 'uv + pen', 'uv and pen', 'notes grade a', 'grade a+ notes', 'top grade notes',
    // …and as "fake notes" (India's FICN, fake Indian currency notes) sold for a share of their face value.
    'fake notes', 'ficn', 'fake currency', 'fake indian currency',
    // Bookmakers' agents as offshore sportsbooks recruit them: a master agent's downline, pay-per-head software.
    'pay per head', 'pay-per-head', 'pph link', 'master agent', 'sub-agent', 'sub-agents', 'offshore book', 'offshore sportsbook',
    // Counterfeit branded goods as their sellers grade them: a "super clone", "mirror quality", a replica watch.
    'super clone', 'super clones', '1:1 clone', 'mirror quality', 'replica watch', 'replica watches', 'replica bags', 'replica handbags', 'aaa replica',
  ],
};

export const GOODS_ZH: Goods = {
  'firearms-explosives': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'qiangzhi', 'qiang zhi', 'shouqiang', 'shou qiang', 'qigou', 'qi gou', 'zhayao', 'zha yao', 'leiguan', 'lei guan',
    '枪械', '步枪', '冲锋枪', '左轮', '五四式', '六四式', '仿五四', '火药枪', '土枪', '小口径', '气步枪', '气手枪', '钢珠', '打鸟', '弹夹', '弹匣',
    '枪管', '撞针', '猎具', '鸟枪', '铅弹枪', '黑火药', '导火索', '炸弹', '手雷', '烟花爆竹原料',
    // Split and coded spellings of 枪 and its parts (木仓 for 枪, a silencer as 消音筒).
    '木仓', '消音筒',
    // Blasting materials as quarry workers name them: shock tube, detonating cord, emulsion and ammonium-nitrate explosive.
    '导爆管', '导爆索', '乳化炸药', '硝铵炸药', '电子雷管', '电雷管',
  ],
  'weapons-police-gear': [
    '管制刀', '军刀', '三棱刺', '开山刀', '手弩', '十字弩', '复合弩', '弩箭', '钢珠弩', '电警棍', '高压电棍', '伸缩棍', '辣椒水', '催泪', '警用', '警徽',
    '肩章', '臂章', '制式服装', '警械', '警官证', '防暴',
    // Crossbows by the pinyin their sellers write to pass filters (十字nu, 手nu).
    '十字nu', '十字 nu', '手nu', '手 nu', '钢珠nu', 'nu箭',
  ],
  'drugs-precursors': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'bingdu', 'bing du', 'magu', 'ma gu', 'yaotouwan', 'k fen', 'kfen',
    '海洛因', '可卡因', '芬太尼', '氯胺酮', '四号', '白粉', '笑气', '依托咪酯', '合成大麻素', '右美沙芬', '三唑仑', '咪达唑仑', '地西泮', '阿普唑仑',
    '佐匹克隆', '羟考酮', '奥施康定', '吗啡', '杜冷丁', '哌替啶', '美沙酮', '丁丙诺啡', '甲卡西酮', '浴盐', '羟丁酸', '迷药', '催情', '羟亚胺', '邻酮',
    '邻氯苯基环戊酮', '麻黄素', '伪麻黄碱', '1-苯基-2-丙酮', '溴代苯丙酮', '胡椒基甲基酮', '黄樟素', '苯乙酸', '飞叶子', '上头', '聪明药',
    '大ma', '大麻烟弹', 'thc烟弹', '邮票',
    // Codeine cough syrup and flunitrazepam as their abusers' sellers name them (紫水, 止咳水, 蓝精灵: code words, src/phrases/signals.ts).
    '可待因', '氟硝西泮', '紫水', '止咳水', '蓝精灵',
    // Fentanyl's precursors under their Chinese names (易制毒化学品 since 2017 and 2024): NPP, ANPP, 4-AP, 1-boc-4-AP, 4-piperidone.
    'N-苯乙基-4-哌啶酮', '4-苯胺基-N-苯乙基哌啶', '4-苯胺基哌啶', '1-叔丁氧羰基-4-苯胺基哌啶', '去甲芬太尼', '4-哌啶酮', 'N-叔丁氧羰基-4-哌啶酮', '1-叔丁氧羰基-4-哌啶酮',
  ],
  'toxic-chemicals': [
    // Homophones and old names of the cyanides, as sellers write them past filters (青化钠, 山奈钠).
    '青化钠', '青化钾', '山奈钠', '山奈钾',
    // Banned pesticides: carbofuran (克百威, 呋喃丹), aldicarb (涕灭威), phorate (甲拌磷), tetramine by its street name.
    '克百威', '呋喃丹', '涕灭威', '甲拌磷', '四二四',
    // Paraquat (banned as a liquid in China since 2016) by its trade name, and the homophone its sellers write.
    '克芜踪', '白草枯',
    '氰化物', '叠氮化钠', '氯化汞', '升汞', '醋酸铊', '铊盐', '乌头碱', '河豚毒素', '秋水仙碱', '甲基汞', '重铬酸钾', '氟乙酸钠', '氟乙酰胺', '三步倒', '四亚甲基二砜四胺',
    '无色无味', '慢性毒', '致死量',
  ],
  'identity-documents': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'banzheng', 'ban zheng', 'jia zheng', 'shenfenzheng', 'shen fen zheng', 'jiazhao', 'jia zhao',
    '学历证书', '户口本', '结婚证', '房产证', '营业执照', '资格证', '港澳通行证', '签证', '公章', '一比一', '学信网可查', '可查档',     '临时身份证', '居住证', '社保卡', '职称证', '不用考', '免考拿证', '消分', '驾照速办', '12123可查', 'jia照', 'jia证', '出本', '二代证', '身份证原件',
    '做证', '制证', '高仿证件', '仿真证件', '假证件', '买驾照', '买证', '卖证', '包过拿证', '免考证书', '不用本人到场',
  ],
  'personal-data': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'shegongku', 'shegong ku', 'kaifang jilu', 'cha ren',
    '公民信息', '户籍', '开房', '机主', '实名信息', '快递单号', '查人', '四要素', '三要素', '征信', '网贷数据', '股民数据', '车主数据',
    '学生数据', '业主数据', '精准客户', '客户资源', '手机号机主', '身份证号', '通话记录', '出行记录', '开房信息', '开房数据', '行动轨迹', '查轨迹', '轨迹查询', '出行轨迹', '活动轨迹', '机主信息', '机主姓名', '查机主', '查户籍', '户籍资料',
    '人肉搜索', '社工数据', '社工查询',
    // A record's fields joined as a data seller lists them ("姓名+电话+地址"; '+', '/' and spaces between
    // Chinese characters are dropped by normalisation). Ambiguous (src/phrases/signals.ts): a sign-up form asks for them too.
    '姓名+电话', '姓名+手机号', '姓名+手机', '姓名+身份证号', '电话+地址', '手机号+地址', '姓名、电话', '姓名、手机号', '姓名、身份证号',
    // Lists of people sold as sales leads, and the terms such lists are sold by (how many numbers are dead, how many answer).
    '业主名单', '业主资料', '家长名单', '家长数据', '宝妈数据', '宝妈名单', '母婴数据', '新生儿数据', '新生儿信息', '股民名单', '车主名单', '车主信息',
    '快递面单', '面单数据', '收件人数据', '收件人信息', '空号率', '拨通率', '一手资料', '一手数据',   ],
  'bank-cards': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'yinhangka', 'yinhang ka', 'sijiantao', 'si jian tao', 'paofen', 'pao fen', 'kanong', 'ka nong',
    '五件套', '对公户', '洗钱', '走流水', '刷流水', '实名卡', '手机卡', '电话卡', '物联网卡', '黑卡', '资金盘', '代收代付', '承兑', '卡主', '收购卡',
    '二类卡', '一类卡', '网银盾',
    // Card data and the kit that writes it to blank cards, as carders name them (料 is stolen card data).
    '磁道', '磁道数据', '磁道信息', '卡料', '境外料', '写卡器', '白卡', '伪卡', '空白磁条卡',
  ],
  'counterfeit-invoices': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'fapiao', 'fa piao', 'daikai', 'dai kai', 'kai piao', 'zhuanpiao', 'zhuan piao',
    '代开', '虚开', '代开各类', '长期代开', '常年代开', '各类发票', '定额发票', '抵扣', '税点', '真票', '机打发票', '餐饮发票', '住宿发票', '运输发票', '建筑发票', '可查验', '可上网查',
      ],
  'hacking-tools': [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'muma', 'mu ma', 'yuankong', 'yuan kong', 'daohao', 'dao hao',
    '远控', '盗号', '任意显号', '定位软件', '查聊天记录', '恢复聊天记录', '钓鱼网站', '钓鱼页面', '免杀', '后门', '肉鸡', '流量攻击', '呼死你',
    '短信轰炸', '接码', '卡池', '猫池', '监控软件', '手机监控', '查开房', '键盘记录', '木马程序', '远控木马', '盗号木马', '撞库', '撞库软件', '拖库', '脱库',
    '洗库', '短信群发器', '短信群发设备', '嗅探设备', '窃听器', '监听器', '手机木马', '钓鱼链接', '免杀马',
    // Spyware as its sellers pitch it (hidden icon, live location, messages mirrored, camera and microphone
    // opened from afar), attack services and the account thief's tools.
    '远程开摄像头', '远程拍照', '远程录音', '隐藏图标', '桌面无图标', '后台常驻', '聊天记录同步', '同步聊天记录', '偷看聊天记录', '查看对方聊天记录',
    '监控老公', '监控老婆', '手机远控', '免杀远控', '远程控制木马', '黑客软件', 'ddos攻击', 'cc攻击', '轰炸机', '电话轰炸', '短信轰炸机', '扫号',
    '撞库工具', '钓鱼源码', '搭建钓鱼',
    // Attack time sold as "stress testing": the platform, its bypass of a target's protection, its promise.
    '压测平台', '在线压测', 'ddos压测', 'cc压测', '攻击平台', '绕盾', '绕cdn', '绕过cdn', '绕过高防', '打谁谁倒', 'ddos平台',
    '云压测', '压测套餐', '打到对方机房', '打到机房', '拉黑洞', '打挂', '可打私服', '压测工作室', '打源站', '秒网站',
    // Game cheats (外挂) as their sellers name them: seeing through walls, aiming by itself, no recoil.
    '外挂', '游戏外挂', '透视外挂', '自瞄外挂', '透视自瞄', '自瞄', '无后座', '防封外挂', '外挂卡密', '辅助卡密',
  ],
  jammers: [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'pingbiqi', 'pingbi qi', 'ganraoqi', 'ganrao qi',
    '屏蔽仪', '信号遮蔽器', '遮蔽器', '干扰仪', '反定位', '防追踪', '遥控干扰', '开锁器', '汽车解码', '信号干扰', '屏蔽设备', '干扰设备',
    // A jammer sold as something else (静音盒), by what it does to every phone around it.
    '全屏蔽', '静音盒', '全频段屏蔽', '多频段屏蔽', '信号直接无服务', '手机变砖', '屏蔽定位'],
  'human-organs': ['肝源', '肾移植', '肝移植', '捐肾', '换肾', '营养费', '肾脏', '供肾'],
  pornography: [
    // Pinyin, as sellers spell the goods to pass keyword filters.
    'huangpian', 'huang pian', 'luoliao', 'luo liao', 'yuepao', 'yue pao',
    '裸聊', '约炮', '楼凤', '无码', '原味', '付费群', 'vip群', '会员群', '涉黄', '淫秽', '成人专区', '成人影院', '无限观看', '永久观看', '福利姬', '黄色网站', '看片网站', '色情网站', '高清无码', '国产自拍', '偷拍视频', 'av资源', '三级片', '黄群', '约p', '包夜', '外围女',
    // Escort work as its classifieds name it: a "peripheral" model, picking a girl from photos, business "companions".
    '外围模特', '选妹', '商务伴游'],
  other: [
    '象牙', '施氏线', '犀牛角', '穿山甲', '虎骨', '熊胆', '假币', '假钞', '高仿币', '作弊器', '考试作弊', '隐形耳机', '考试答案', '野生动物制品', '高仿票子', '假票子', '过点钞机', '过验钞机',
    // Exams sat by someone else, degrees and papers bought, online gambling's agents, fake-order jobs, wildlife parts.
    '代考', '替考', '考试枪手', '枪手代考', '代写论文', '论文代写', '假文凭', '学历造假', '网赌', '博彩', '菠菜', '赌博网站', '棋牌代理', '博彩代理',
    '刷单返利', '象牙制品', '犀角', '玳瑁', '虎皮', '豹皮', '熊掌',
    // Orders and reviews faked to order (补单, 刷手, 空包), as the studios that sell them to shops write it.
    '补单工作室', '电商补单', '真人补单', '真人真号', '刷手', '招刷手', '带图好评', '好评互助', '新店破零', '空包代发', '刷销量', '刷信誉',
    '山甲片', '炮山甲', '穿山甲片',
    // Ivory as its traders code it: African "old material", "not mammoth"; 白货 and 白料 are code words (src/phrases/signals.ts).
    '非洲料', '非洲老料', '非猛犸', '白货', '白料', '老白料',
    // Counterfeit notes by the machines their sellers say they pass (验钞机过, 过二代机).
    '验钞机过', '点钞机过', '包过验钞机', '过二代机', '二代机过', '手感水印都有', '过普通验钞机', '过验钞笔', '过紫光灯', '过笔过灯', '过机无压力',
    // …and by the notes they name as goods: the new red hundred (新版一百, 红版一百), a "high copy" of it (高仿票).
    '新版一百', '红版一百', '新版百元', '第五套百元', '高仿票',
    // Counterfeit branded goods as their sellers grade them: 原单 (the factory's "original order"), 复刻, 专柜对比.
    '原单', '顶级原单', '复刻', '顶级复刻', '高仿包', '高仿表', '高仿鞋', '专柜对比',
    // Cigarettes sold without their duty: "duty-free", smuggled, "export" stock.
    '免税烟', '走私烟', '出口烟', '免税口粮', '边境烟', '走私香烟', '免税香烟', '免税卷烟', '外烟', '码头货', '罚没烟', '水货烟',
    // …and by the brands they price by the carton (软华子 260/条, 利群 95/条): code words, which count beside one of the words above, or
    // three of them priced in one block (a menu: src/matcher/score.ts).
    ...CIGARETTE_BRANDS,
  ],
};
