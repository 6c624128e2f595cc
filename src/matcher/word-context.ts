/*
 * What the text right around a phrase or a word says of it, in a normalised block: a refusal (不得出售,
 * "we do not sell"), selling that the writer saw others do, a question that asks whether one may buy,
 * a check that the text says is not needed, a reader's doubt, a masked number.
 */

/**
 * A sale word that a negation lists among what is not allowed is the refusal's: "不得出租、出借、出售",
 * "严禁收购、出售", "请勿以任何理由出租、出借、出售给他人". The negation stands right before the word or before a run of
 * enumerated verbs, with at most a "for any reason" (以任何理由) or "on one's own" (擅自) between.
 */
const REFUSAL_BEFORE = /(?:不得|禁止|严禁|切勿|请勿|不要|不可|不能|不准|勿|never|not|don't|do not|cannot)\s?(?:以任何(?:理由|形式|方式|名义)|擅自|私自|随意)?\s?(?:[\u4e00-\u9fff]{1,4}[、,/]\s?){0,4}$|(?<![a-z])(?:prohibits?|bans?|forbids?|illegal to|unlawful to|against the law to|an offen[cs]e to)\s(?:[a-z]+(?:,| or| and)\s){0,3}$/;
export const REFUSAL_LOOKBACK = 24;
/**
 * A sale word inside a question that asks whether or where one may buy ("Can I buy codeine without a
 * prescription?", 哪里能买到…吗？) is the asker's, not a seller's. Adverts ask their reader too ("Need
 * pills without a prescription?"), so only questions that open with a question word count.
 */
export function inQuestion(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + QUESTION_REACH).search(SENTENCE_STOP);
  if (after < 0 || !QUESTION_MARK.test(text[end + after] ?? '')) return false;
  const sentence = LAST_SENTENCE.exec(text.slice(Math.max(0, start - QUESTION_REACH), start))?.[0] ?? '';
  return ASKS_WHETHER.test(sentence);
}
const QUESTION_REACH = 80;
const SENTENCE_STOP = /[.!?。！？\n]/;
const LAST_SENTENCE = /[^.!?。！？\n]*$/;
const QUESTION_MARK = /[?？]/;
const ASKS_WHETHER = /^\s*(?:(?:can|could|may|do|does|is|are|should|where|how|why|will|would)(?![a-z])|哪里|哪儿|在哪|能不能|可不可以|是否|请问)/;

/** Selling that the writer saw others do ("I see guys selling…", 看到有人在出售) is told, not offered. */
const SEEN_SELLING_BEFORE = /(?<![a-z])(?:see|saw|seen|seeing|noticed|watched)\s(?:some\s|other\s|a lot of\s|lots of\s)?(?:guys|people|someone|sellers|vendors|folks|accounts|them|dudes)\s$|(?:看到|看见|发现)(?:有|很多|好多)?人(?:在)?$/;

/**
 * Goods that a shop or service says it does not offer: "no adult videos or images", "we do not sell
 * knives", "我们不提供查他人聊天记录、定位他人手机等服务", "不做任何证件", "不承接任何发票的印制或“代开”". The negation stands right before
 * the phrase ("unlike a jammer, it transmits nothing"), or before a run of up to six enumerated items (each up to 20 characters, brackets included,
 * or a few Latin words): "不查询候选人的征信报告（须候选人自行提供）、银行流水、通话记录".
 */
export const PHRASE_REFUSAL_BEFORE =
  /(?:不提供|不出售|不销售|不售卖|不做|不接|不承接|不受理|不代办|不办理|不查询|不收集|不采集|不获取|不仿照|不仿制|(?<![a-z])(?:no|not|never|never use|do not use|don't use|don't sell|do not sell|does not sell|we don't offer|we do not offer))\s?(?:任何|any\s)?(?:[\u4e00-\u9fff()]{1,20}[、,/或]\s?|[a-z]+(?:\s[a-z]+)?,?\s(?:or|and)\s|[a-z]+,\s){0,6}(?:[\u4e00-\u9fff]{1,4})?["“]?$|(?<![a-z])(?:unlike|not)\s(?:an?|the)\s$/;
export const PHRASE_REFUSAL_LOOKBACK = 100;
/** …and "不" right before a phrase that is itself the deed ("只拍照不代办证件", "绝不出售假证"). */
const NOT_BEFORE = /(?<![要是还就可])不$/;
/** Whether the text before a phrase says the writer does not offer it. */
export const refusesPhrase = (before: string): boolean => PHRASE_REFUSAL_BEFORE.test(before) || NOT_BEFORE.test(before);

/** Whether the text before a sale word refuses it (不得出售, "not selling") or tells of others' selling. */
export const toldOrRefused = (before: string): boolean => REFUSAL_BEFORE.test(before) || SEEN_SELLING_BEFORE.test(before);

/** "No need to show", as a seller of what the law licenses writes it: 无需提供, 不用办理, 不需要剧毒品许可证, 免, "no background check", "without a licence". */
/** "No need", as Chinese writes it before the check skipped: one list for NOT_NEEDED_BEFORE and the unchecked sale (src/matcher/sale-signals.ts). */
export const NOT_NEEDED_ZH = '(?:无需|无须|不需要?|不用|免)';
export const NOT_NEEDED_BEFORE = new RegExp(`${NOT_NEEDED_ZH}[\\u4e00-\\u9fff]{0,6}$|(?<![a-z])(?:no|without(?: a| any)?|no need for(?: a)?|skip the)\\s$`);
export const NOT_NEEDED_LOOKBACK = 16;

/**
 * A benign word that a question ends on is a reader's doubt, not a report: "这个违法吧?", "isn't this
 * illegal?" under a seller's post.
 */
export const QUESTION_AFTER = /^[^\s.,;!。，；！?]{0,3}\s?\?/;
export const QUESTION_LOOKAHEAD = 6;

/**
 * A run of x's or asterisks that masks digits or letters of a number or address ("400-xxx-6521",
 * "6672xxxx3", "order@shop-xxx.com") is no phrase: "xxx" in a phone number is not adult content.
 */
const MASK_RUN = /^[x*]+$/;
const MASK_NEIGHBOUR = /[\d\-.@_]/;
const MASKED_GROUP_BEFORE = /[\dx*] $/;
const MASKED_GROUP_AFTER = /^ [\dx*]/;
export function isMask(text: string, start: number, end: number): boolean {
  if (!MASK_RUN.test(text.slice(start, end))) return false;
  if (MASK_NEIGHBOUR.test(text[start - 1] ?? '') || MASK_NEIGHBOUR.test(text[end] ?? '')) return true;
  // A number written in groups, masked group by group ("+1 4xx xxx 0193", "080 xxx 5512").
  return MASKED_GROUP_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && MASKED_GROUP_AFTER.test(text.slice(end, end + 2));
}
