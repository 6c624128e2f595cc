import { describe, expect, it } from 'vitest';
import { suspect } from './builtin-verdicts';

/*
 * A vendor's site names its goods in its title and gives its Telegram or WhatsApp at its foot, with the
 * prices in cards of their own: a messaging app's handle in the page's footer makes the headline an
 * offer (src/matcher/index.ts, readHeadline), so a block that only names the goods counts.
 */

const page = (footer: string, headline = 'Get the degree you deserve') =>
  `Replica Diploma Service | ${headline} | \n${footer}\nReplica Diploma Service`;
const card = 'Replica diploma with matching transcript';

describe("a messaging app's handle in the page's footer", () => {
  it('makes a page that names its goods in its title an offer', () => {
    expect(suspect(card, page('WhatsApp: +44 7700 900127 · Telegram: @gradcert_desk_x · © 2026 GradCert Pro'))).toBe(true);
    expect(suspect(card, page('联系我们 微信：gradcert88 · © 2026 GradCert Pro'))).toBe(true);
  });

  it("does not count a phone number or an e-mail address, which every shop's and office's footer gives", () => {
    expect(suspect(card, page('Call +44 20 7946 0123 · orders@gradcert-pro.example · © 2026 GradCert Pro'))).toBe(false);
  });

  it("does not count on a page whose headline reports: a newsroom's Telegram channel is no seller's", () => {
    expect(suspect(card, page('Follow us on Telegram: @citynews_live', 'Police arrested three men over replica diplomas'))).toBe(false);
  });
});
