import { findContactHandles, type ContactType } from './contact-handles';
import { mergeOverlapping } from './merge-spans';
import { NOT_NEEDED_ZH } from './word-context';

/**
 * Sale-intent signals found by pattern in a normalised block (lower case, half-width, whitespace
 * collapsed): prices and contact handles. Sale-intent words ("出售", "for sale") come from the
 * caller's word lists through the automaton, not from here.
 */

export type SignalKind = 'price' | 'contact' | 'sale-word';
export type SignalType = 'price' | 'dose' | 'points' | 'record' | ContactType | 'sale-word' | 'concealment' | 'forgery' | 'unchecked';

/** A signal in normalised coordinates. */
export interface SaleSignal {
  kind: SignalKind;
  type: SignalType;
  start: number;
  end: number;
  /** The matched text, as normalised. */
  value: string;
}

interface Rule {
  kind: SignalKind;
  type: SignalType;
  re: RegExp;
  /** A test that every match passes and that costs far less than the rule: a block that fails it skips the rule. */
  needs?: RegExp;
  /** A price written without a digit ("一比五"): the rule runs in a block that has none. */
  digitless?: true;
}

/** Every price holds a digit: a block without one (most paragraphs of prose) skips the price rules. */
const DIGIT = /\d/;

// Latin keywords must not be the tail of a longer word ("bqq", "dtg").
const L = '(?<![0-9a-z])';
const NUM = '\\d[\\d,]*(?:\\.\\d+)?';
const MULT = '(?:\\s?[kw万千])?';
/** A game's money: "售价 1800 金币" in a game guide is no price. */
const GAME_MONEY = '(?:金币|钻石|点券|元宝|银两|gold|coins?|gems?|credits)';
/** Currencies by their codes, and East Africa's shillings as sellers there write them ("ksh 5,200"); not "tsh" or "php",
 * a thyroid test's and a programming language's names ("TSH 2.5", "PHP 8.2"). */
const CURRENCY_WORD = '(?:usdt|usd|rmb|cny|btc|eth|xmr|eur|gbp|ksh|kes|ugx|tzs|zar|ghs|ngn|pkr|zmw|rwf)';

const RULES: readonly Rule[] = [
  // The currencies of the markets' sellers: yuan and yen, dollar, euro, pound, rupee, rouble, won, naira,
  // peso, baht, dong, lira, hryvnia, cedi.
  { kind: 'price', type: 'price', re: new RegExp(`[¥$€£₹₽₩₦₱฿₫₺₴₵]\\s?${NUM}${MULT}`, 'g') },
  { kind: 'price', type: 'price', re: new RegExp(`${L}(?:rs\\.?|inr)\\s?${NUM}(?![\\d.])`, 'g') },
  // Sums in South Asia's units, as sellers and brokers there write them ("6 lac", "25 lakh", "1.2 crore").
  { kind: 'price', type: 'price', re: new RegExp(`(?<![\\d.,])${NUM}\\s?(?:lacs?|lakhs?|crores?)(?![a-z])`, 'g') },
  {
    kind: 'price',
    type: 'price',
    re: new RegExp(
      `(?<![\\d.,a-z])${NUM}${MULT}\\s?(?:元|块|美元|美金|${CURRENCY_WORD}|dollars?|bucks|euros?|[¥$€£](?!\\s?\\d))(?![a-z])`,
      'g',
    ),
  },
  { kind: 'price', type: 'price', re: new RegExp(`${L}${CURRENCY_WORD}\\s?${NUM}${MULT}`, 'g') },
  // Vietnam's dong after the sum, as sellers there write it ("1kg = 650.000 đ", "350.000 vnđ").
  { kind: 'price', type: 'price', needs: /đ/, re: /(?<![\d.,])\d{1,3}(?:[.,]\d{3})+\s?(?:vn)?đ(?![a-z])/g },
  // The price of a whole set, as a seller of parts writes it without a currency ("全套 3200, 单出内脏 1800"): not a count
  // of its pieces ("全套 12 件").
  { kind: 'price', type: 'price', needs: /全套/, re: /全套\s?[:：]?\s?\d{3,6}(?![\d.,%]|\s?(?:件|个|只|套|条|张|片|枚|粒|部|台|款|种|页|集|本|册|cm|mm|ml|g|克))/g },
  { kind: 'price', type: 'price', re: new RegExp(`(?:价格|售价|单价|价钱|报价|全包|${L}price)[^\\d]{0,8}?${NUM}(?![\\d,.]|\\s?${GAME_MONEY})`, 'g') },
  // "Buy Oxycodone 30mg online", "order your pack online": a call to buy that wraps the goods.
  { kind: 'sale-word', type: 'sale-word', re: new RegExp(`${L}(?:buy|order|purchase)\\b.{0,40}?\\bonline(?![a-z])`, 'g') },
  { kind: 'sale-word', type: 'sale-word', re: /(?:网购|在线购买|在线下单|网上购买)/g },
  // Goods hidden from the carrier and the customs officer: packed inside something else ("藏在零食里发",
  // "夹在书里寄", "hidden inside a candle"), sent under another name ("写'工业盐'走物流", "labelled as tea"),
  // dropped rather than handed over (丢包, "dead drop"). A lawful shop has no reason to say so.
  {
    kind: 'sale-word',
    type: 'concealment',
    re: /(?:[藏夹塞混](?:在|进)?[\u4e00-\u9fff]{1,6}[里中内](?:发|寄|邮|走)(?![托予存语])|(?:写|标|贴)(?:成|上|着)?["“][\u4e00-\u9fff]{2,8}["”](?:走|发|寄)(?![托予存语])|(?:包装|品名|面单|外箱|快递单)(?:上)?(?:写|标|贴)(?:成|上|着)?["“]|丢包|埋包|(?<![a-z])(?:dead drops?|smell[- ]proof|(?:hidden|concealed|packed) (?:in|inside) (?:an? |the )?[a-z]+(?: [a-z]+)?|(?:labell?ed|declared|marked|wrapped) as (?:an? )?["“]?[a-z]+(?: [a-z]+)?|no return address)(?![a-z]))/g,
  },
  // A forger's promise that the copy passes for the real thing ("looks exactly like the real one",
  // "passes UV", 以假乱真, 一比一, 可过机: passes the reader): what makes a receipt, a card or a diploma on sale a forged one.
  {
    kind: 'sale-word',
    type: 'forgery',
    re: /(?<![a-z])(?:looks? (?:exactly |just )?like (?:the )?(?:real|original)(?: thing| ones?)?|looks? (?:100% |totally |completely )?(?:real|original|genuine|authentic|legit|proper)|indistinguishable from (?:the )?(?:real|original)|identical to (?:the )?originals?|same as (?:the )?originals?|1:1 (?:copy|copies|replicas?)|pass(?:es)? (?:all )?(?:checks|inspections?|verification|uv|scanners?|the scanner)|pass(?:es)? (?:the )?pen(?: test)?(?: (?:\+|and|&) uv)?|feels? (?:real|genuine)|(?:registered|entered|recorded) (?:in|into|on) (?:the )?(?:official |government |national |issuing |real |state )?(?:databases?|systems?|registry)|(?:real )?database (?:registered|entry|entries)|real[- ]database|(?:dvla|dmv)[- ]registered|pass(?:es)? (?:every|any|all) (?:the )?(?:scanners?|checks?|airport)|pass(?:es)? (?:the )?(?:airport|border|bar|bouncer|club|police)(?: scanners?| checks?| scans?)|pass(?:es)? (?:the )?(?:chip readers?|e-?gates))(?![a-z])|以假乱真|跟真的一样|和真的一样|与真的一样|一比一|1比1|[可能]过机|过机不报警/g,
  },
  // A promise that the goods get past customs, or come again if customs keep them ("双清包税", "海关查扣免费补发",
  // "free reship if seized"): a lawful shop declares its parcels and pays their duty. Not "reshipping" alone, a
  // glossary's word for the mules who forward goods bought with stolen cards.
  {
    kind: 'sale-word',
    type: 'concealment',
    needs: /双清|包税|补发|重发|reship|re-ship/,
    re: /双清|包税|(?:查扣|扣关|被扣|扣件|被查|没收)[^。,，]{0,8}?(?:补发|重发)|免费(?:补发|重发)|(?<![a-z])(?:(?:free |guaranteed |100% )re-?ship|re-?ship(?:s|ping|ment)? (?:if|when|on|for) (?:seized|lost|stopped|taken|confiscated|seizures?)|re-?ship(?:ping)? (?:policy|guarantee))(?![a-z])/g,
  },
  // A forger's promise that the paper says whatever the buyer wants ("any date, any amount", "any employer, any
  // salary"): a receipt, an invoice or a pay stub made to order, not one issued for a sale or a job.
  {
    kind: 'sale-word',
    type: 'forgery',
    needs: /any /,
    re: /(?<![a-z])(?:any dates?,? (?:and |& )?any amounts?|any amounts?,? (?:and |& )?any dates?|any (?:salary|income)(?: figure| amount)?)(?![a-z])/g,
  },
  // An escort's terms: she receives ("incall") and she visits ("outcall"), both offered in one advert. A clinic
  // or a salon that names one of them ("incall at our clinic only") offers a treatment.
  { kind: 'sale-word', type: 'sale-word', needs: /call/, re: /(?<![a-z])(?:in-?call\b.{0,80}?\bout-?call|out-?call\b.{0,80}?\bin-?call)(?![a-z])/g },
  // A sale without the checks the law asks of the buyer ("无需提供任何证件", "不需要购买证明和备案", "个人可买",
  // "不问用途"): a licensed dealer of controlled chemicals, jammers or police gear asks for them.
  {
    kind: 'sale-word',
    type: 'unchecked',
    needs: /无需|无须|不需|不用|免|个人|不问/,
    re: new RegExp(
      `${NOT_NEEDED_ZH}(?:提供|购买|办理|出示)?(?:任何)?(?:证件|证明|资质|许可证?|备案|登记|实名|身份证|手续|报备|型号核准|单位证明|购买证明|剧毒品购买许可证)|个人(?:也)?(?:可以?|能)(?:直接)?(?:购买|买|购|下单)|不问用途`,
      'g',
    ),
  },
  // A dose and its price: a gram or a few ("0.5g 380", "1g £80", "3.5g = 600"). Food, tea and spices are sold
  // by the hundred grams or the jin, gold by the gram without a weight before its price (金价 580元/克).
  {
    kind: 'price',
    type: 'dose',
    needs: /[\d一两半]\s?(?:g|克)/,
    re: /(?<![\d.])(?:0?\.\d|[1-9](?:\.\d)?|(?<![\u4e00-\u9fff])[一两半])\s?(?:g|克)(?![a-z])\s?(?:[=:：/]|的|一份|一包|每份)?\s?[¥$€£]?\s?\d{2,5}(?![\d.%]|\s?(?:g|克|mg|ml|lbs?|oz|pounds?|元\/克)(?![a-z]))/g,
  },
  // A quantity and its price, as adverts write them without a currency: "50g 60", "25克一瓶 260", "手铐80一副"; not a
  // quantity that ends a sentence before a year ("查获 21.6 克。2026 年").
  // The sum may be in ten-thousands ("1 公斤 2.6 万").
  {
    kind: 'price',
    type: 'price',
    re: new RegExp(
      `(?<![\\d.])\\d+(?:\\.\\d+)?\\s?(?:g|kg|克|公斤|斤)(?![a-z])[^\\d(（。；;！？!?]{0,4}(?:\\d+(?:\\.\\d+)?\\s?[万千](?![克米公吨斤条人次件元块单个])|\\d{2,6}(?![\\d.%年]|\\s?(?:lbs?|oz|pounds?)(?![a-z])))`,
      'g',
    ),
  },
  // A subscription's price without a currency, as paid groups and tool sellers write it ("1 month 150, 6 months
  // 600", "lifetime 980", "月卡29.9，永久88"); not a span of time ("7 days 24 hours", "30 days 100% refund").
  {
    kind: 'price',
    type: 'price',
    needs: /month|week|day|year|lifetime|forever|永久|卡|包月|包年|终身/,
    re: /(?:(?<![\d.])\d{1,2}\s?(?:months?|weeks?|days?|years?)|(?<![a-z])(?:lifetime|forever)(?=\s?(?:[:=\-–—]|for)?\s?\d{3}))\s?(?:[:=\-–—]|for)?\s?\d{2,5}(?![\d%:]|[.,]\d|\s?(?:hours?|hrs?|minutes?|mins?|days?|weeks?|nights?|months?|years?|times?|x|am|pm)(?![a-z]))|(?:永久|月卡|季卡|年卡|包月|包年|半年卡|终身)(?:会员|vip)?\s?[:：]?\s?\d{2,5}(?:\.\d+)?(?![\d%]|\.\d|\s?(?:天|小时|分钟|个|次|部|g))/g,
  },
  // A deposit, and a sum in ten-thousands that a broker promises to pay ("先付 5000 定金", "事成给 5 万", "营养费 4.5万"):
  // brokers and dealers name them without a currency.
  { kind: 'price', type: 'price', needs: /定金|订金|万/, re: /(?:先付|付|交)\s?\d{3,6}\s?(?:元\s?)?(?:定金|订金)|(?:定金|订金)\s?\d{3,6}(?![\d万])|(?:给|拿|到手|补偿|营养费)\s?\d{1,2}(?:\.\d)?\s?万(?![\d人次元块])/g },
  // A sum in ten-thousands with its thousands after it, or paid in cash, as brokers write it ("给4万5现金", "4.5 万现结").
  { kind: 'price', type: 'price', re: /(?<![\d.])\d{1,3}(?:\.\d)?\s?万(?:\d(?![\d.%]|\s?[人次个件条年月天岁号千百])|\s?(?:现金|现结|到手))/g },
  // Counterfeit notes priced as a share of their face value ("比例 1:8", "高仿币1比8", "1:8 出", "1比8包邮", "出 一比五"):
  // the ratio next to a seller's word, not a score (主队1比2) or a scale (1:50000).
  {
    kind: 'price',
    type: 'price',
    needs: /比|[:：]/,
    digitless: true,
    re: /(?:比例|价格|高仿币?|道具币?|面值|面额|假币|假钞|票子|出|机)\s?[:：]?\s?(?:1|一)\s?(?:比|[:：])\s?(?:1[0-5]|[2-9]|[二三四五六七八九十])(?![\d.:])|(?<![\d.:])(?:1|一)\s?(?:比|[:：])\s?(?:1[0-5]|[2-9]|[二三四五六七八九十])(?![\d.:])\s?[,，]?\s?(?:出售|出|拿货?|起|走|收|包邮|懂的来)/g,
  },
  // A sum under ten a record ("0.3/条", "0.8 元一条", "1 元 / 条"): what lists of people's data sell for. A
  // carton of cigarettes (条) costs tens or hundreds.
  {
    kind: 'price',
    type: 'record',
    needs: /条/,
    re: /(?<![\d.,])(?:0?\.\d{1,2}\s?(?:元|块|毛)?|[1-9](?:\.\d{1,2})?\s?(?:元|块|毛)|[1-9](?=\s?[/一每]))\s?[/一每]?\s?条/g,
  },
  // A sum with its shipping paid, as sellers in comment sections write it without a currency ("398包邮", "260 包邮");
  // not a shop's threshold for free shipping ("满 99 包邮").
  { kind: 'price', type: 'price', needs: /包邮/, re: /(?<![\d.:]|\d,|满\s?)\d{2,5}\s?(?:元|块)?\s?包邮/g },
  // A sum without a currency behind a goods word, priced by the piece or as a floor ("驾照 4500 全包", "整狗 1800 一套",
  // "基础档 200 起"); not a count of cases ("案件 146 起").
  {
    kind: 'price',
    type: 'price',
    re: /(?<=[\u4e00-\u9fff]\s?)(?<![件案共计等了]\s?)[1-9]\d{2,4}\s?(?:全包|一套|一本|一张|一个|一台|一支|一盒|一瓶|一条|起)(?![年月日号])/g,
  },
  // A sum per unit without a currency, as sellers of records, cards and gear write it ("0.3/条", "200/张", "150/副"),
  // and in English ("lowers 350 each"; not "60 each side").
  { kind: 'price', type: 'price', re: /(?<![\d./]|\d,)\d+(?:\.\d+)?\s?\/\s?(?:条|张|份|套|次|单|本|盒|瓶|支|粒|颗|克|副|把|件|台)/g },
  { kind: 'price', type: 'price', re: /(?<![\d.,/]|[$€£¥₹]\s?)\d{2,6}(?:\.\d{2})?\s?each(?![a-z]|\s(?:side|way|day|week|time|arm|leg|hand|foot|set|round)s?(?![a-z]))/g },
  { kind: 'price', type: 'price', re: new RegExp(`(?<![\\d.])\\d{2,6}\\s?[一每](?:个|把|支|瓶|盒|张|套|克|条|副|颗|粒|份|本|部|台)`, 'g') },
  // …and the other way round, the unit first ("一张 350，十张以上 300", "一盒 75"), but not a count or a time ("每个 10 分钟").
  {
    kind: 'price',
    type: 'price',
    re: /(?<![\d第统单唯同万千百十任])[一每](?:个|把|支|瓶|盒|张|套|克|条|副|颗|粒|份|本|部|台|发)\s?\d{2,6}(?![\d.%]|\s?(?:分钟|小时|天|周|月|年|岁|人|次|个|张|条|页|米|公里|km|cm|mm|ml|g|克))/g,
  },
  // Prices in USDT as the grey market writes them ("源码 500U", "50U/天"; two digits or more, so a "2U" server is no price) and the fee of a falsely issued
  // invoice, quoted in points of its face value ("专票 6 个点", "普票1.5个点").
  { kind: 'price', type: 'price', re: /(?<![\d.a-z])\d{2,}(?:\.\d+)?\s?u(?![a-z0-9])/g },
  { kind: 'price', type: 'points', re: /(?<![\d.])\d+(?:\.\d+)?\s?个点/g },
  // A price list without a currency, as Chinese adverts write it: two items or more, each a short label and
  // a sum of three digits or more ("专科 900 ｜ 本科 1300", "一贴 180，五贴 800", "3万额度卡 3500，5万额度 5200").
  // Scores and counts are mostly under 100; dates and phone numbers have no label of Chinese before them.
  {
    kind: 'price',
    type: 'price',
    re: /[\u4e00-\u9fff]\s?\d{3,6}(?![\d.%:年月日号个点])(?:\s?[|｜,，、/;；]\s?[\u4e00-\u9fff\d]{0,3}[\u4e00-\u9fff]{1,4}\s?\d{3,6}(?![\d.%:年月日号个点])){1,}/g,
  },
];

/**
 * A sum that names a banknote ("一张100元假币", "10元、20元小面额假币", "fake £20 and £50 notes", "$100 bills") is the note's face
 * value, not a price: a warning about fake notes names them so. A seller's price stands apart ("1比8", "£250 for £1,000 face").
 */
const FACE_VALUE = /^\s?(?:元|块)?(?:\s?[、,，和及与/]\s?\d+\s?(?:元|块)?)*\s?(?:的)?(?:小面额)?(?:假币|假钞|真币|纸币|钞票|人民币)|^(?:\s?(?:,|and|or|\/)\s?[$£€]?\d+)*\s?(?:bank)?(?:notes?|bills?)(?![a-z])/;
const FACE_VALUE_REACH = 24;

/** Listed sale words that hide the goods from the carrier, as the concealment pattern above does. "Discreet packaging" is every pharmacy's and adult shop's. */
const CONCEALING_WORD = /stealth|隐蔽|保密发/;

/** Listed sale words that sell without the checks the law asks, as the pattern above does (免登记, 不用实名). */
const UNCHECKED_WORD = new RegExp(`${NOT_NEEDED_ZH}|不要身份证|不登记`);

/** The signal type of a listed sale word: concealment, a sale without checks, or a sale word. */
export const saleWordType = (value: string): SignalType => (CONCEALING_WORD.test(value) ? 'concealment' : UNCHECKED_WORD.test(value) ? 'unchecked' : 'sale-word');

/**
 * Prices and contact handles in `text`, ordered by start. Overlapping spans of the same kind are
 * merged ("售价 200元" is one price; a WeChat id that is also a phone number is one contact), so
 * that one handle is never counted twice.
 */
export function detectSaleSignals(text: string): SaleSignal[] {
  const found: SaleSignal[] = findContactHandles(text).map((handle) => ({ kind: 'contact', ...handle }));
  const digits = DIGIT.test(text);
  for (const rule of RULES) {
    if (rule.kind === 'price' && !digits && rule.digitless !== true) continue;
    if (rule.needs !== undefined && !rule.needs.test(text)) continue;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (rule.type === 'price' && FACE_VALUE.test(text.slice(end, end + FACE_VALUE_REACH))) continue;
      found.push({ kind: rule.kind, type: rule.type, start, end, value: m[0] });
    }
  }
  return mergeOverlapping(found, text, (signal) => signal.kind);
}
