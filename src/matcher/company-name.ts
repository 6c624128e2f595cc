/**
 * A company registered in China named by its full legal name ("深圳市某某电子科技有限公司",
 * "某某银行股份有限公司"): a shop, a bank or a firm that names itself so in its page's title or footer
 * runs the page under that name, as China's e-commerce law asks of online shops. Someone who sells
 * guns, documents or data hides behind a handle instead. English pages are left out: in the tuning
 * set, sellers' pages name an "Inc." or "Ltd" as often as honest shops do.
 */
const COMPANY_NAME = /[\u4e00-\u9fff）)]{2,}(?:股份)?有限(?:责任)?公司/;

/** Does the text name a registered company by its legal name? */
export function namesCompany(text: string): boolean {
  return COMPANY_NAME.test(text);
}

/**
 * A licence or a register that a lawful trader names in its page's footer: a pharmacy's GPhC registration,
 * a gun shop's FFL, a cannabis shop's "licensed retailer", a charity's number. Such a footer runs the
 * page as a registered company's does. Chinese footers are left out: every news site's names its
 * 许可证, and a chemicals seller's claims one.
 */
const LICENSED_TRADER = /(?<![a-z])(?:gphc|ffl|licen[cs]ed (?:retailer|pharmacy|dealer|firearms dealer)|registered (?:pharmacy|charity))(?![a-z])/i;

/** Does the text name a licence or a register of a lawful trader? */
export function namesLicence(text: string): boolean {
  return LICENSED_TRADER.test(text);
}
