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
