import { mergeOverlapping } from './merge-spans';

/**
 * Contact handles in a normalised block (lower case, half-width, whitespace collapsed): the ways a
 * seller asks to be reached — messenger ids, phone numbers, e-mail addresses. One module, so that
 * later work on structured contact indicators extends these rules rather than writing new ones.
 */

export type ContactType =
  | 'qq'
  | 'wechat'
  | 'telegram'
  | 'wickr'
  | 'whatsapp'
  | 'signal'
  | 'threema'
  | 'session'
  | 'icq'
  | 'line'
  | 'discord'
  | 'skype'
  | 'snapchat'
  | 'kik'
  | 'zalo'
  | 'tox'
  | 'handle'
  | 'phone'
  | 'email';

export interface ContactHandle {
  type: ContactType;
  start: number;
  end: number;
  /** The matched text, as normalised. */
  value: string;
}

// Latin keywords must not be the tail of a longer word ("bqq", "dtg").
const L = '(?<![0-9a-z])';
/** Between a keyword and its handle: a colon, a space, "号" or "id" (normalisation made "：" a ":"). */
const SEP = '(?:号|\\s?id)?\\s?:?\\s?';
/** A stricter separator for keywords that are also common words ("signal", "session", "line"). */
const STRICT = '(?:\\s?id)?\\s?(?::\\s?@?|@)';
const LATIN_ID = '[a-z][-_.a-z0-9]{3,31}(?![-_a-z0-9])';

/** Tests for the one character that some rules' every match holds (see `needs` below). */
const AT = /@/;
/** WeChat by its name, its look-alikes with 信, or an add sign before "v" or 微 ("18+ verified" is an age, no add sign). */
const WECHAT_LABEL = `(?:${L}(?:wechat|weixin|vx|wx)|v\\s?信|[微威薇徽]\\s?信|加\\s?v|加\\s?微|(?<!\\d)\\+v(?![a-z]))`;
/** WhatsApp's name or link, which every WhatsApp rule's match holds. */
const WHATSAPP_NAME = /whats\s?app|wa\.me\//;
const DIGIT = /\d/;

/** Chinese numerals, plain and in the capital forms of cheques and prices. */
const NUMERAL = '零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖';
/** A digit, a Chinese numeral or a mask ("x", "*"). */
const SPELT_SIGN = `[0-9${NUMERAL}x*]`;
const SPELT_NUMBER = `${SPELT_SIGN}(?:\\s?[.·\\-]?\\s?${SPELT_SIGN}){5,12}(?!${SPELT_SIGN})`;
const CHINESE_NUMERALS = new RegExp(`[${NUMERAL}]`, 'g');
const HAS_CHINESE_NUMERAL = new RegExp(`[${NUMERAL}]`);

/** WhatsApp, also in a list of apps that share one number ("WhatsApp / Telegram: +44…", "WeChat/WhatsApp +86…"). */
const OTHER_APPS = '(?:telegram|wechat|signal|viber|imo)';
const WHATSAPP = `(?:${L}whats\\s?app(?:\\s?/\\s?${OTHER_APPS})*|${L}${OTHER_APPS}(?:\\s?/\\s?${OTHER_APPS})*\\s?/\\s?whats\\s?app(?:\\s?/\\s?${OTHER_APPS})*|${L}wa\\.me/)`;
/** A phone number with some of its digits masked: digits, "x", "*" or "•", spaces and hyphens. */
const MASKED_NUMBER = '\\+?\\d[\\d\\s\\-x*•()]{5,18}[\\dx*•](?![\\dx*•])';
/** Eight to fifteen digits and masks, four digits at least and one mask at least (unmasked numbers have rules of their own). */
const masked = (value: string) => {
  const number = value.replace(/^[^+\d]*/, '');
  const digits = digitCount(number);
  const masks = number.match(/[x*•]/g)?.length ?? 0;
  return digits >= 4 && masks >= 1 && digits + masks >= 8 && digits + masks <= 15;
};

/** Four digits or numerals or more. */
const digitCount = (value: string) => (value.match(/\d/g)?.length ?? 0) + (value.match(CHINESE_NUMERALS)?.length ?? 0);

/** A number in Chinese numerals: not a count in a sentence ("一二三"), nor a run of masks. */
const inNumerals = (value: string) => HAS_CHINESE_NUMERAL.test(value) && digitCount(value) >= 4;

/**
 * 扣 alone is an everyday character (折扣, 扣款): behind it only numerals count. Behind "qq" or an add
 * sign, digits with masks count too ("加q301887xxx"), which the plain rules above leave out.
 */
const spelt = (value: string) => (value.startsWith('扣') && !value.startsWith('扣扣') ? inNumerals(value) : digitCount(value) >= 4);

/**
 * `needs`: a one-character test that every match of the rule passes, and that costs far less than the
 * rule. Each expression is otherwise tried at every position of the block: the two '@' rules (e-mail,
 * "DM @name") were a third of the whole search of a block without an '@' (test/unit/matcher/perf.test.ts).
 */
const RULES: readonly { type: ContactType; re: RegExp; needs?: RegExp; accept?: (value: string) => boolean }[] = [
  // Digits may be masked on a reposted or reported page ("qq 5566xxxx01"): the seller's number all the same.
  { type: 'qq', re: new RegExp(`(?:${L}qq|${L}q(?=\\s?群)|扣\\s?扣|企鹅)(?:号码?|\\s?群)?\\s?:?\\s?[1-9](?:\\d{4,10}|\\d{2,}[\\dx*]{2,8})(?![\\dx*])`, 'g'), needs: DIGIT },
  {
    type: 'wechat',
    re: new RegExp(
      `${WECHAT_LABEL}(?:号)?\\s?:?\\s?(?:[a-z][-_a-z0-9]{5,19}|\\+?\\d{5,13})(?![-_a-z0-9])`,
      'g',
    ),
  },
  {
    type: 'telegram',
    re: new RegExp(`(?:${L}(?:telegram|tg)|电\\s?报|纸?飞\\s?机|✈\\ufe0f?)(?:群|号|频道)?${SEP}@?[a-z][a-z0-9_]{3,31}(?![a-z0-9_])`, 'g'),
  },
  { type: 'telegram', re: new RegExp(`${L}(?:t|telegram)\\.me/[a-z][a-z0-9_]{3,31}`, 'g'), needs: /\.me\// },
  { type: 'wickr', re: new RegExp(`${L}wickr(?:\\s?me)?${SEP}@?[a-z0-9][a-z0-9_.-]{2,31}`, 'g') },
  { type: 'whatsapp', re: new RegExp(`${WHATSAPP}${SEP}\\+?\\d[\\d\\s-]{6,16}\\d(?!\\d)`, 'g'), needs: WHATSAPP_NAME },
  // A number that a reported or reposted page masked, behind a messaging app's name or a call to text
  // ("WhatsApp 98xxx 41207", "Telegram: +86 1xx-xxxx-2287", "text 909-5xx-0371"): the seller's all the
  // same. An office's masked hotline follows "call" or 电话, which these rules leave out.
  { type: 'whatsapp', re: new RegExp(`${WHATSAPP}${SEP}${MASKED_NUMBER}`, 'g'), needs: WHATSAPP_NAME, accept: masked },
  { type: 'telegram', re: new RegExp(`${L}(?:telegram|viber)${SEP}${MASKED_NUMBER}`, 'g'), needs: /telegram|viber/, accept: masked },
  { type: 'phone', re: new RegExp(`${L}(?:text|sms)\\s?(?:me\\s)?(?:on\\s|at\\s)?:?\\s?${MASKED_NUMBER}`, 'g'), needs: /text|sms/, accept: masked },
  { type: 'signal', re: new RegExp(`${L}signal${STRICT}(?:\\+?\\d[\\d\\s-]{6,16}\\d(?!\\d)|${LATIN_ID})`, 'g') },
  { type: 'threema', re: new RegExp(`${L}threema${SEP}[a-z0-9]{8}(?![a-z0-9])`, 'g') },
  { type: 'session', re: new RegExp(`${L}session${STRICT}(?:05[0-9a-f]{64}|${LATIN_ID})`, 'g') },
  { type: 'icq', re: new RegExp(`${L}icq${SEP}@?(?:\\d{5,10}(?!\\d)|${LATIN_ID})`, 'g') },
  { type: 'line', re: new RegExp(`${L}line${STRICT}${LATIN_ID}`, 'g') },
  { type: 'discord', re: new RegExp(`${L}discord${STRICT}${LATIN_ID}`, 'g') },
  { type: 'snapchat', re: new RegExp(`${L}(?:snapchat|snap)${STRICT}${LATIN_ID}`, 'g') },
  // Kik, by label ("kik: name") or as a call to write ("message name_9 on Kik").
  { type: 'kik', re: new RegExp(`${L}kik${STRICT}${LATIN_ID}|${L}(?:message|msg|add|hmu|hit up|text)\\s(?:me\\s)?${LATIN_ID}\\son\\skik(?![a-z])`, 'g'), needs: /kik/ },
  // "tele @name": Telegram shortened, with the "@" that keeps it from "tele photo".
  { type: 'telegram', re: /(?<![0-9a-z])tele\s?:?\s?@[a-z][a-z0-9_]{3,31}(?![a-z0-9_])/g, needs: AT },
  // "add snap name_88": a call to add the seller, so the name needs no colon.
  { type: 'snapchat', re: new RegExp(`${L}add (?:me )?(?:on )?(?:snapchat|snap)\\s@?(?=[a-z0-9_.]*[\\d_])${LATIN_ID}`, 'g') },
  // Tox, the messenger of ransomware crews and data brokers: a 76-hex-digit id, often shown cut ("8D2C...41AA").
  { type: 'tox', re: new RegExp(`${L}tox(?:\\s?id)?\\s?:?\\s?[0-9a-f]{4}(?:[0-9a-f]{72}|(?:\\.{2,3}|…)[0-9a-f]{2,8})(?![0-9a-f])`, 'g') },
  // Zalo, Vietnam's messenger, by the phone number it runs on, whole or masked ("zalo 09xx.xxx.218").
  { type: 'zalo', re: new RegExp(`${L}zalo${SEP}\\+?\\d[\\d\\s.x*•-]{6,14}[\\dx*•](?![\\dx*•])`, 'g'), needs: /zalo/, accept: (value) => digitCount(value) >= 5 },
  { type: 'skype', re: new RegExp(`${L}skype${SEP}(?:live:)?${LATIN_ID}`, 'g') },
  // Chinese mobile numbers: 1[3-9] and nine more digits, optionally as 138-1234-5678 or with +86.
  { type: 'phone', re: /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g, needs: DIGIT },
  { type: 'phone', re: /(?<![\d+])\+\d{1,3}[-\s]?(?:\(?\d{1,4}\)?[-\s]?)?\d{3,4}[-\s]?\d{3,4}(?!\d)/g, needs: DIGIT },
  // Handles behind a one-letter or look-alike prefix ("V:zy_fu999", "Q:2916xx0735", "威:kl993") and
  // numbers masked on a page that was reported or reposted ("139****6620"): the seller's, all the same.
  { type: 'wechat', re: new RegExp(`(?:${L}v|威|薇|微|卫星)\\s?:\\s?[a-z0-9][-_a-z0-9]{4,19}(?![-_a-z0-9])`, 'g') },
  // "+v 👉 abc123", "加薇 ~ kl993": an add sign before a look-alike of 微 or v, and symbols (not letters
  // or digits) between it and the id…
  // ("18+ verified" is an age, and "+ verified" no add sign: a "v" that begins a word is no 微.)
  { type: 'wechat', re: new RegExp(`(?:加|(?<!\\d)\\+)\\s?(?:v(?:信|星)?(?![a-z])|[微威薇徽卫](?:信|星)?)[^\\p{L}\\p{N}]{0,6}[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])`, 'gu') },
  // …or a look-alike alone with an emoji or symbol for the colon ("威 ❤ jz-chen520", normalisation
  // having dropped the emoji "➕" before it), an id with a digit in it.
  { type: 'wechat', re: new RegExp(`(?:${L}v|威|薇|微)\\s?[^\\p{L}\\p{N}\\s:]{1,3}\\s?(?=[-_a-z]{1,19}\\d)[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])`, 'gu'), needs: DIGIT },
  // …or 威 or 薇 (look-alikes of 微, not the end of a word: 权威, 示威, 助威, 蔷薇, 紫薇) with a space alone ("薇 ggb_2026x"),
  // or 微 itself so ("微 fapiao_li668"; not the end of a word: 稍微, 轻微, 显微).
  { type: 'wechat', re: /(?<![权示国声军淫发神立助扬余天蔷紫])[威薇]\s(?=[-_a-z]{1,19}\d)[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])/g, needs: DIGIT },
  { type: 'wechat', re: /(?<![细轻显卑稍略式衰精入低隐微])微\s(?=[-_a-z]{1,19}\d)[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])/g, needs: /微\s/ },
  // "加 wz_gear_2288", "加我 kd_tang77", "家属加 ❤ jkzl_2026": a call to add an id that holds a digit is a
  // WeChat id (增加, 参加 and 附加 are other words; "加 Q 3018…" is a QQ number).
  { type: 'wechat', re: /(?<![增参附更追叠施])加我?\s?[^\p{L}\p{N}]{0,4}(?!q\d)(?=[-_a-z]{1,19}\d)[a-z][-_a-z0-9]{4,19}(?![-_a-z0-9])/gu, needs: DIGIT },
  // A mobile number given as the WeChat id too ("152 7781 3096（晚上打） 微信同号"): sellers write it
  // so; offices and shops give a hotline.
  { type: 'wechat', re: /(?<![\d+])1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)[^\d]{0,10}?(?:微信|v信|vx|wx|v)\s?同号/g, needs: DIGIT },
  // A WeChat id that a reported or reposted page masked ("V：jk****2024", "微信 sd_pb****", "加V:cr_*****_88"), also
  // behind WeChat's nicknames (绿泡泡, 绿色软件): the seller's all the same. Two letters or digits before the mask.
  {
    type: 'wechat',
    re: new RegExp(`(?:${WECHAT_LABEL}|${L}v\\s?:|绿泡泡|绿色软件)(?:号)?\\s?:?\\s?[a-z][-_a-z0-9]{1,19}[*•]{2,}[-_a-z0-9*•]{0,12}(?![-_a-z0-9*•])`, 'g'),
    needs: /[*•]/,
  },
  { type: 'qq', re: new RegExp(`${L}q\\s?:\\s?[1-9][\\dx*]{4,10}(?![\\dx*])`, 'g'), needs: DIGIT },
  // 🐧, QQ's penguin, before a number, masked or not ("🐧 2*****56").
  { type: 'qq', re: /🐧\s?:?\s?[1-9](?:\s?[\dx*]){4,12}(?![\dx*])/g, needs: /🐧/, accept: (value) => digitCount(value) >= 3 },
  // A QQ number written in groups, as a phone number is ("QQ 2850 197 346", "加我 Q 2980-441-376"): five to
  // eleven digits, the last ones perhaps masked.
  {
    type: 'qq',
    re: new RegExp(`(?:${L}qq|加我?\\s?q|扣\\s?扣|企鹅)(?:号码?)?\\s?:?\\s?[1-9]\\d{1,4}(?:[\\s-][\\dx*]{2,4}){1,3}(?![\\dx*])`, 'g'),
    needs: DIGIT,
    accept: (value) => /^\d{5,11}$/.test(value.replace(/^\D+/, '').replace(/[\s-]/g, '').replace(/[x*]/g, '0')),
  },
  { type: 'phone', re: /(?<![\d+])1[3-9]\d[*x]{4}\d{4}(?!\d)/g, needs: DIGIT },
  // …also masked in other places and grouped ("1370 5xx 8826"): eleven digits or masks, at most four masked.
  { type: 'phone', re: /(?<![\dx*+])1[3-9]\d(?=(?:[\s-]?[\dx*]){8}(?![\dx*]))(?:[\s-]?\d){0,8}(?:[\s-]?[x*]){1,4}(?:[\s-]?\d){1,8}(?![\dx*])/g, needs: DIGIT },
  // A UK mobile as adverts write it ("07700 900418"), and a number to text: offices and shops say "call"
  // or 电话 before their hotlines, sellers "text me" and 手机.
  { type: 'phone', re: /(?<![\d+])07\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)/g, needs: DIGIT },
  { type: 'phone', re: new RegExp(`(?:${L}(?:text|sms)|手机)\\s?(?:me\\s)?(?:on\\s|at\\s)?:?\\s?\\+?\\d[\\d\\s-]{6,14}\\d(?!\\d)`, 'g'), needs: DIGIT },
  // A number spelt out to escape filters: in Chinese numerals ("扣：二八七 六零三 九一四五", "薇 一五二七七八…"),
  // or behind a one-letter label that an add sign introduces ("加 Q 3 0 1 8 8 7 x x x"; normalisation
  // has closed the spaces). Six signs or more, at least four of them digits. Offices and shops write
  // their hotlines in digits: a phone number counts here only in numerals.
  { type: 'qq', re: new RegExp(`(?:${L}qq|(?:加|\\+)\\s?q|扣\\s?扣|扣|企鹅)(?:号码?)?\\s?:?\\s?${SPELT_NUMBER}`, 'g'), accept: spelt },
  { type: 'wechat', re: new RegExp(`(?:${L}(?:wechat|weixin|vx|wx|v)|v\\s?信|[微威薇徽]\\s?信|[微威薇])(?:号)?\\s?:?\\s?${SPELT_NUMBER}`, 'g'), accept: inNumerals },
  { type: 'phone', re: new RegExp(`(?:${L}(?:tel|phone|call|text)|电话|手机|致电)(?:号码?)?\\s?:?\\s?${SPELT_NUMBER}`, 'g'), accept: inNumerals },
  // 扣 alone before a number of six signs or more in digits ("加扣 3390 7712 86", "扣 1845xxxx12", "扣：2 8 6 0 4 1 7 5 3"):
  // a QQ number as sellers shorten it. A deduction or a discount is a sum with its unit ("扣款 100000 元",
  // "扣 200000 分"), and 折扣 is a discount.
  { type: 'qq', re: new RegExp(`(?<!折)扣\\s?:?\\s?[1-9](?:\\s?[.·\\-]?\\s?[\\dx*]){5,12}(?![\\dx*])(?!\\s?[元块分万%])`, 'g'), needs: /扣/, accept: (value) => digitCount(value) >= 4 },
  // "DM @handle", "联系 @handle": a handle that a seller's call to write names (a bare "@name" is a
  // mention, and "contact @ourclub" an account's page).
  {
    type: 'handle',
    re: new RegExp(`(?:${L}(?:dm|pm|message|msg|text|ping|add|hmu|inbox|hit me up|hit up)|联系|客服|私信|私聊|私我|找|给|加)\\s?(?:me\\s)?(?:on\\s)?(?:at\\s)?:?\\s?@[a-z][a-z0-9_.]{3,31}(?![a-z0-9_])`, 'g'),
    needs: AT,
  },
  // "buy: @name", "orders @name": a call to buy or order before a handle, with a colon or a space (not "sales@shop.com").
  { type: 'handle', re: new RegExp(`${L}(?:buy|order|orders|sales|seller|vendor)(?::\\s?|\\s)@[a-z][a-z0-9_.]{3,31}(?![a-z0-9_])`, 'g'), needs: AT },
  { type: 'email', re: /(?<![\w.+-])[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}(?![a-z0-9])/g, needs: AT },
];

/**
 * A number with the letter o for a zero ("07700 9oo 817", "+90 5o1 555 72 18") is spelt so to escape a
 * filter: read as digits. The letter stands between digits (after one, before one), so words keep it.
 * Same length, so the handles' offsets hold for the text as written.
 */
const zerosSpeltAsO = (text: string) => (/\do/.test(text) ? text.replace(/(?<=\d)o{1,2}(?=\s?\d)/g, (os) => '0'.repeat(os.length)) : text);

/**
 * Every contact handle in `text`, ordered by start; overlapping handles are one (a WeChat id that is
 * also a phone number is one contact).
 */
export function findContactHandles(written: string): ContactHandle[] {
  const text = zerosSpeltAsO(written);
  const found: ContactHandle[] = [];
  for (const rule of RULES) {
    if (rule.needs !== undefined && !rule.needs.test(text)) continue;
    for (const m of text.matchAll(rule.re)) {
      const end = m.index + m[0].length;
      if (rule.accept === undefined || rule.accept(m[0])) found.push({ type: rule.type, start: m.index, end, value: written.slice(m.index, end) });
    }
  }
  return mergeOverlapping(found, written);
}
