/**
 * A page that sells online says so by its headline or footer: a checkout, a cart, a download after
 * payment, stock and shipping terms. On such a page the goods, their price and the button to buy sit
 * in blocks of their own, so a block that names goods of the categories is an offer without a price
 * of its own (src/matcher/score.ts). Read from the normalised headline and footer (lower case,
 * half-width).
 */
const SHOP_TERMS =
  /(?<![a-z])(?:checkout|check out|add to (?:cart|basket|bag)|your cart|shopping cart|buy now|buy it now|instant download|instant delivery|delivered by email|download link|secure payment|in stock|out of stock|free shipping|shipping info|terms of sale)(?![a-z])|加入购物车|立即购买|立即下单|购物车|确认下单|月销|已售|库存|运费|包邮|拍下|付款后/;

export function sellsOnline(normalisedText: string): boolean {
  return SHOP_TERMS.test(normalisedText);
}
