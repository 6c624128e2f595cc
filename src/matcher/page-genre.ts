/*
 * What a page's title and headline say of its genre: a question or a guide, a platform that hosts its
 * users' posts, and how many sentences of report words the headline holds.
 */

/** A question in Chinese: a Chinese character, or 吗 and the like, before the question mark. */
export const TITLE_ASKS = /[\u4e00-\u9fff]\s?\?/;
/** An English question in the first person ("Can our school block phones…?", "Is it legal for me to…?"): an adviser's, not an advert's ("Is your partner cheating?"). */
export const TITLE_ASKS_EN = /(?<![a-z])(?:i|we|our|my|me|us)(?![a-z])[^?]*\?|(?<![a-z])(?:legit|scam|scams|scammed|fake)\s?\?/;
/**
 * A guide's, a tutorial's or an explainer's title ("How to write an invoice", "A parent's guide to…", "如何识别…", "…指南"),
 * and a help centre's ("… – Help Centre | Harbourline Bank", "… – Ledgerly Support", "…帮助中心").
 */
export const TITLE_TEACHES = /^(?:how do|how does|how can|what is|what are|why)(?![a-z])|(?<![a-z])(?:how to|guide|walkthrough|wiki)(?![a-z])|^(?:如何|怎么|怎样|为什么)|指南|教程|科普|攻略|图鉴|须知|(?<![a-z])(?:help cent(?:er|re)|help & support|knowledge base)(?![a-z])|(?<![a-z])support$|帮助中心|客服中心/;

/**
 * A title that offers the goods ("Buy registered passports…", "Paraquat & Carbofuran for sale", "…现货供应", "…整桶转让"):
 * a seller's page, not a report's, when it names them with no report's word of its own ("for sale" in quotation
 * marks is a warning's quote of an advert).
 */
export const TITLE_SELLS = /^(?:buy|order) |(?<![a-z"“'‘])for sale(?![a-z"”'’])|现货|出售|转让|供应|批发|直销/;

/** Characters of a block past which it is no heading or tag line. */
export const HEADING_LENGTH = 100;
/**
 * A heading or a tag line that asks or teaches: "How phishing, RATs and DDoS attacks work", "Phishing kits: how
 * they are built and taken down", "Fake invoices: how scammers trick businesses", "Tags: phishing kits, MFA",
 * "个体户如何合法代开发票?", "有人说可以花钱买肾源，是真的吗?", "剧毒化学品购买须知". Without a term of an offer it names the goods.
 */
export const HEADING_TEACHES = /^(?:tags?:|how |what |why )|: how |(?<![a-z])how (?:to|they|scammers|attackers|criminals)(?![a-z])|如何|真的吗|是什么|须知$/;

/**
 * A platform that hosts its users' posts, named in the page's title (某某的微博 - 微博, …吧 - 百度贴吧): the
 * company its footer names runs the platform, not the posts, so its posts are no company's own trade.
 */
export const HOSTS_POSTS = /微博|贴吧|论坛|社区|知乎|小红书|抖音|快手|哔哩哔哩|bilibili|闲鱼|转转|58同城|赶集|百姓网|豆瓣|百家号|qq空间|朋友圈|淘宝|天猫|京东|拼多多|1688|阿里巴巴|b2b|分类信息|黄页|商铺|telegram|频道|群聊|导出/;

/** Where a sentence ends: a classified site's one safety tip ("请勿预付款，谨防诈骗。") is one warning, not three. */
const SENTENCE_END = /[。！？!?|\n]|\.(?=\s|$)/g;

/** How many sentences of `text` hold one of the benign words found in it. */
export function benignSentences(text: string, words: readonly { start: number }[]): number {
  if (words.length === 0) return 0;
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index);
  return new Set(words.map((word) => ends.findIndex((end) => end >= word.start))).size;
}
