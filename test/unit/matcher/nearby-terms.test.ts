import { describe, expect, it } from 'vitest';
import { builtinMatcher } from './builtin-verdicts';

/*
 * A block is read with the text just before and after it (src/content/exact-scan.ts, nearbyText): a
 * chat message that names the goods is an offer when the message next to it gives a messenger handle.
 */

const goods = '新版盗号木马 已更新到 28 版';
const suspect = (nearby?: string, page?: string) => builtinMatcher.scanBlock([goods], page, nearby).suspect;

describe('the text around a block', () => {
  it('makes a weak phrase an offer when a messenger handle stands next to it', () => {
    expect(suspect()).toBe(false);
    expect(suspect('群主 21:04\n有意者联系 QQ 2893317123')).toBe(true);
    expect(suspect('@卖家 tg：@daohao_shop\n')).toBe(true);
  });

  it('gives the handle beside the block as the listing’s contact among its reasons', () => {
    expect(builtinMatcher.scanBlock([goods], undefined, '有意者联系 QQ 2893317123\n').why).toMatchObject({ category: 'hacking-tools', weak: true, contact: true, price: false });
  });

  it('gives the handle beside a suspect block among its reasons whatever else made it suspect', () => {
    const handle = '有意者联系 QQ 2893317123\n';
    expect(builtinMatcher.scanBlock([`${goods} 出售`], undefined, handle).why).toMatchObject({ saleWord: true, contact: true });
    expect(builtinMatcher.scanBlock([`${goods} 出售`], undefined, '\n').why).toMatchObject({ saleWord: true, contact: false });
  });

  it('does not make a handle of the end of the text before and the start of the text after', () => {
    expect(suspect('求购请加 wx:\nabc12345')).toBe(false);
    expect(suspect('求购请加 wx: abc12345\n')).toBe(true);
  });

  it('does not take a price, a phone number or an e-mail address beside it for an offer', () => {
    expect(suspect('会员价 298 元\n客服电话 139 2651 7408')).toBe(false);
    expect(suspect('\n投稿邮箱 tips@news.example')).toBe(false);
  });

  it('does not undo a report’s headline: a news page quoting a handle needs it in the block', () => {
    expect(suspect('有意者联系 QQ 2893317123\n', '警方破获制售盗号木马案 | 记者 报道 | \n')).toBe(false);
  });

  it('reads a block that a report introduces as a quotation ("原文如下：", "read:") as the quoted advert', () => {
    const news = 'Phishing kit sold on Telegram, researchers say | Security news | \n';
    const advert = 'NIGHTHOOK PANEL: 40+ bank pages, live OTP relay, $150 a month';
    const read = (nearby?: string) => builtinMatcher.scanBlock([advert], news, nearby).suspect;
    expect(read()).toBe(false);
    expect(read('The operators advertise it in a channel of 6,000 members. A recent post read:\n')).toBe(true);
    expect(read('Researchers found the panel last month.\nA recent post read:')).toBe(false);
    const zh = '警方打掉提供DDoS攻击服务团伙 | 警情通报 | \n';
    expect(builtinMatcher.scanBlock(['专业ddos攻击服务，天卡 35 元，月卡 580 元'], zh, '在多个群中发布推广广告。广告原文如下：\n').suspect).toBe(true);
    expect(builtinMatcher.scanBlock(['专业ddos攻击服务，天卡 35 元，月卡 580 元'], zh, '警方提醒：切勿购买。\n').suspect).toBe(false);
    // The lead-in may name what it quotes before its colon ("挂着如下文字，记者截图留存：").
    expect(builtinMatcher.scanBlock(['专业ddos攻击服务，天卡 35 元，月卡 580 元'], zh, '一家店铺的商品页至今仍挂着如下文字，记者截图留存：\n').suspect).toBe(true);
    expect(builtinMatcher.scanBlock(['专业ddos攻击服务，天卡 35 元，月卡 580 元'], zh, '如下所述。警方已立案，记者：\n').suspect).toBe(false);
  });

  it('reads a report’s block that ends by introducing a quotation ("原文如下：") as an offer when a handle follows it', () => {
    const notice = '警惕！这种兼职是在帮人洗钱 | 某市公安局反诈中心 | \n';
    const lead = '近期，我市警方发现一个名为“众X联盟”的跑分平台在网上大量招募人员。该平台的宣传内容原文如下：';
    const after = (text: string) => `\n${text}`;
    expect(builtinMatcher.scanBlock([lead], notice, after('“零门槛，手机就能赚！每单返佣1%，客服微信 zxlm-kf01。”')).suspect).toBe(true);
    // No handle after it, or no lead-in at its end: a report that names the scheme.
    expect(builtinMatcher.scanBlock([lead], notice, after('“零门槛，手机就能赚！每单返佣1%。”')).suspect).toBe(false);
    expect(builtinMatcher.scanBlock(['近期，我市警方发现一个名为“众X联盟”的跑分平台在网上大量招募人员。'], notice, after('客服微信 zxlm-kf01')).suspect).toBe(false);
  });

  it('reads a report’s block that names the goods and ends by introducing the advert quoted next, handle and all', () => {
    const notice = 'Warning after disguised stun guns sold on social media | News | Police | \n';
    const lead = 'Among the items recovered were stun guns disguised as torches. One account was still advertising. Its post read:';
    expect(builtinMatcher.scanBlock([lead], notice, '\n"STUN TORCH £30, next day UK. DM or Snap: westside.protect"').suspect).toBe(true);
    expect(builtinMatcher.scanBlock([lead], notice, '\n"STUN TORCH £30, next day UK."').suspect).toBe(false);
  });

  it('reads an advert quoted in blocks of its own on a report’s page: its price in one block, its handle in the next', () => {
    const notice = 'Man charged after officers buy cloned bank cards advertised online | News | Police | \n';
    const prices = '£2k card = £200 · £5k card = £450. Also CVV for online shopping £20 each.';
    expect(builtinMatcher.scanBlock([prices], notice, '\nNext-day delivery. Telegram @ukcardzplug · payment bitcoin').suspect).toBe(true);
    expect(builtinMatcher.scanBlock([prices], notice, '\nOfficers seized 300 blank cards.').suspect).toBe(false);
    // A handle further on, after another element, is the page's own (a club's booking line), not the advert's.
    expect(builtinMatcher.scanBlock([prices], notice, '\nOfficers seized 300 blank cards.\nTelegram @ukcardzplug').suspect).toBe(false);
    // The report's own words in the block still demote it.
    expect(builtinMatcher.scanBlock([`Officers said the seller charged ${prices}`], notice, '\nTelegram @ukcardzplug').suspect).toBe(false);
  });
});
