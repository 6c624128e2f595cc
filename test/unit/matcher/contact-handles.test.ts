import { describe, expect, it } from 'vitest';
import { findContactHandles } from '../../../src/matcher/contact-handles';
import { normaliseText } from '../../../src/matcher/normalise';

const handles = (raw: string) => findContactHandles(normaliseText(raw)).map(({ type, value }) => ({ type, value }));
const types = (raw: string) => findContactHandles(normaliseText(raw)).map((handle) => handle.type);

describe('findContactHandles', () => {
  it.each([
    ['Signal: +1 555 010 9999', 'signal'],
    ['signal @quietvendor', 'signal'],
    ['Threema ID: ABCD2345', 'threema'],
    ['Session: plugnorth', 'session'],
    ['ICQ 7654321', 'icq'],
    ['ICQ: @dumps_king', 'icq'],
    ['Line ID: shopkeeper88', 'line'],
    ['discord: seller_9', 'discord'],
    ['Skype: live:cardshop', 'skype'],
    ['write to orders@vendor-mail.example', 'email'],
    ['QQ群：123456789', 'qq'],
    ['加微：abc_12345', 'wechat'],
    ['TG群 @cheapdocs', 'telegram'],
    ['telegram.me/plugnorth', 'telegram'],
    ['飞机号：@kahao88', 'telegram'],
    ['DM @blank_2_real_uk – serious only', 'handle'],
    ['成人资源分享，客服 @ziyuanku_vip', 'handle'],
    ['send pic + info to snap: kv.cardz.2', 'snapchat'],
    ['add snap vibes_uk or tele @vibes_pharm', 'snapchat'],
    ['Message spycamkev on Kik for samples', 'kik'],
    ['kik: clips_4u', 'kik'],
    ['add snap vibes_uk or tele @vibes_pharm', 'telegram'],
    ['Text 07700 900418 or Wickr blastcrew_wm', 'phone'],
    ['☎ 1370 5XX 8826（同微）', 'phone'],
    ['有的话加我 qq 5566xxxx01', 'qq'],
    ['有需要➕威 ❤ jz-xiaochen520，看头像朋友圈', 'wechat'],
    ['加薇 ~ kl_docs993', 'wechat'],
    ['联系：薇 ggb_2026x，扣 3**', 'wechat'],
    ['有需要的家属加 ❤ jkzl_2026 ❤ (看简介)', 'wechat'],
    ['走闲鱼不方便的加 wz_gear_2288', 'wechat'],
    ['USDT或者支付宝都行，加我 kd_tang77', 'wechat'],
    ['电话：152 7781 3096（晚上打） 微信同号', 'wechat'],
  ])('finds the handle in %j', (raw, type) => {
    expect(types(raw)).toContain(type);
  });

  it('does not take the ordinary words behind some keywords for handles', () => {
    expect(types('a strong signal booster; the session ended; line up at the door; on the discord server')).toEqual([]);
    expect(types('a tele photo lens; add snap filters to your story; tele-health')).toEqual([]);
    expect(types('a kick-off meeting; message me on kik later')).toEqual([]);
  });

  it('takes a look-alike of 微 with a symbol for a handle only before an id with a digit in it', () => {
    expect(types('权威 — independent reviews')).toEqual([]);
    expect(types('微 ❤ shop-news')).toEqual([]);
    expect(types('增加 abc123 的权限; 参加 cs2026 比赛; 蔷薇 rose; 加 wifi 密码; 权威 top10 榜单; 示威 day2 报道')).toEqual([]);
    expect(types('微 ❤ shop-news2')).toEqual(['wechat']);
  });

  it.each([
    ['有银行卡的可以上车跑卡，加 Q 3 0 1 8 8 7 x x x', 'qq'],
    ['有意向私我，扣：二八七 六零三 九一四五', 'qq'],
    ['薇：一五二 七七八一 三零九六', 'wechat'],
    ['电话 一三九 二六五一 七四零八', 'phone'],
    ['客服QQ 2850 197 346 · 微信', 'qq'],
    ['闲鱼不方便细说，加我 Q 1928 337 406', 'qq'],
    ['地址私发。加我Q 2980-441-376 备注B型', 'qq'],
    ['QQ：30000 81xx', 'qq'],
    ['量大可以当面交。加扣 3390 7712 86,非诚勿扰', 'qq'],
    ['要的私聊,扣 1845xxxx12', 'qq'],
    ['有意者 扣：2 8 6 0 4 1 7 5 3', 'qq'],
  ])('finds a number spelt out to escape filters in %j', (raw, type) => {
    expect(types(raw)).toContain(type);
  });

  it('takes no count, price or office hotline in digits set apart for a spelt-out number', () => {
    expect(types('折扣 一二三 价格 1 2 3 4 5 6；第一二三四五六七名')).toEqual([]);
    expect(types('全场八折，折扣 5 折，扣款 100000 元')).toEqual([]);
    expect(types('call 1 800 555 0146')).toEqual([]);
    expect(types('qq 12 34；扣 1 2 3；qq群 88 人')).toEqual([]);
    expect(types('违章扣 200000 分？每月扣 3000 元；折扣 123456；本月扣款 2026-12-05；扣 120000 元')).toEqual([]);
  });

  it.each([
    ['WhatsApp 98xxx 41207', 'whatsapp'],
    ['whatsapp +234 80• ••• 6271', 'whatsapp'],
    ['WhatsApp 07*** ***314', 'whatsapp'],
    ['Telegram: +86 1xx-xxxx-2287', 'telegram'],
    ['text 909-5xx-0371', 'phone'],
  ])('takes a masked number behind a messaging app or a call to text in %j', (raw, type) => {
    expect(types(raw)).toEqual([type]);
  });

  it.each([
    ['WhatsApp / Telegram: +1 (3xx) 5x2-77x0', 'whatsapp'],
    ['WhatsApp/Telegram/Signal +86 17x xxxx 5520', 'whatsapp'],
    ['WhatsApp/WeChat: +86 138 1234 5678', 'whatsapp'],
  ])('takes a number that several apps share, WhatsApp among them, in %j', (raw, type) => {
    expect(types(raw)).toEqual([type]);
  });

  it('takes QQ\'s penguin before a number, and an add sign with an emoji and a colon before a WeChat id', () => {
    expect(types('99 进 vip 群,🐧 2*****56 戳我')).toEqual(['qq']);
    expect(types('到了再付加 v ❤ : kd771209 (备注贴吧)')).toEqual(['wechat']);
    expect(types('🐧:1234；🐧 每天更新')).toEqual([]);
  });

  it('takes no age or sum before a word for an add sign before a WeChat id', () => {
    expect(types('a community for adult content creators (18+ verified)')).toEqual([]);
    expect(types('6 stubs + 2 yrs w2 + verifier phone line; +verified seller')).toEqual([]);
    expect(types('+v abc123；+v:abc_12')).toEqual(['wechat', 'wechat']);
  });

  it('takes 微 and a space before an id with a digit in it, but not the end of a word', () => {
    expect(types('专票 6 个点起微 fapiao_li668 长期合作')).toEqual(['wechat']);
    expect(types('稍微 abc123；显微 lens2000x；轻微 scan_01')).toEqual([]);
  });

  it('takes no masked office hotline, nor a masked count, for a handle', () => {
    expect(types('call 0344 xxx 0210 or 07** *** 512; whatsapp 2026 xx; telegram 12 xx')).toEqual([]);
  });

  it.each([
    ['先看演示视频再付款 👉 V：jk****2024', 'wechat'],
    ['需要的加V:cr_*****_88 先付后查', 'wechat'],
    ['订购请加微信 sd_pb****', 'wechat'],
    ['不在微博聊,加绿色软件:xunren***8', 'wechat'],
  ])('takes a masked WeChat id in %j', (raw, type) => {
    expect(types(raw)).toEqual([type]);
  });

  it('takes no run of masks, nor a masked word, for a WeChat id', () => {
    expect(types('微信 ******；价格 v** 5；dev:ab** test；微信支付 **')).toEqual([]);
  });

  it.each([
    ['WhatsApp 07700 9OO 817 – no calls', 'whatsapp'],
    ['+44 7700 9O0 263', 'phone'],
    ['text 07700 9O0 337', 'phone'],
  ])('reads the letter o between digits as a zero in %j', (raw, type) => {
    expect(types(raw)).toEqual([type]);
  });

  it('keeps the letter o in words and sizes', () => {
    expect(types('a 10oz mug, 2 cups; go 4 it; room 2o3')).toEqual([]);
    expect(handles('WhatsApp 07700 9OO 817')).toEqual([{ type: 'whatsapp', value: 'whatsapp 07700 9oo 817' }]);
  });

  it('takes a bare mention or an office hotline for no handle', () => {
    expect(types('thanks @maria_k for the photos; call 1-800-555-0146 to report fraud; 咨询电话：0731-88886666')).toEqual([]);
  });

    it('counts overlapping handles once', () => {
    expect(handles('微信 13812345678')).toEqual([{ type: 'wechat', value: '微信 13812345678' }]);
  });
});
