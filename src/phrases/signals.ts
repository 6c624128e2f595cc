/** Words that say something is on offer: a weak phrase counts only next to one of these (or a price or contact). */
export const SALE_INTENT: readonly { phrase: string; lang: 'en' | 'zh' }[] = [
  ...['for sale', 'selling', 'buy now', 'in stock', 'dm me', 'dm for price', 'pm me', 'pm for price', 'hmu', 'escrow', 'discreet shipping',
    'stealth shipping', 'worldwide shipping', 'shipping worldwide', 'ships worldwide', 'price list', 'wholesale', 'bulk order', 'cash on delivery',
    'crypto only', 'btc accepted', 'payment via btc', 'order now', 'contact me', 'serious buyers only', 'vendor', 'wickr', 'telegram', 'whatsapp',
    'signal me', 'no questions asked', 'fast delivery', 'available now', 'legit seller', 'tested and guaranteed', 'menu'].map((phrase) => ({ phrase, lang: 'en' as const })),
  ...['出售', '批发', '代办', '包邮', '货到付款', '现货', '价格', '联系', '有货', '供应', '低价', '专卖', '代购', '微信', '加微', 'QQ', '私聊',
    '价格优惠', '量大从优', '一手货源', '诚信交易', '全国发货', '同城交易', '先款后货', '担保交易', '需要的联系', '支持验货', '欢迎咨询',
    '电报', '飞机号', '出货', '收购', '求购'].map((phrase) => ({ phrase, lang: 'zh' as const })),
];

/**
 * Words of reporting, law enforcement and lawful trade. A block that holds them is an article about
 * the crime or an honest shop (可开具正规发票), not a listing — unless it also carries a price or contact.
 * Everyday compounds of the coded words (冰箱 for 冰) sit here too, so that an appliance shop stays quiet.
 */
export const BENIGN_CONTEXT: readonly { phrase: string; lang: 'en' | 'zh' }[] = [
  ...['crackdown', 'police said', 'police say', 'arrested', 'were arrested', 'seized', 'law enforcement', 'ministry of public security',
    'public security organs', 'reporter', 'reported that', 'according to', 'campaign', 'investigation', 'prosecutors', 'court',
    'sentenced', 'special action', 'clean up', 'crack down', 'official said', 'news', 'press release', 'how to report',
    'warning', 'beware of', 'scam alert', 'illegal and harmful information'].map((phrase) => ({ phrase, lang: 'en' as const })),
  ...['打击', '严厉打击', '公安机关', '公安部', '专项行动', '整治', '依法', '查处', '破获', '抓获', '犯罪嫌疑人', '记者', '据报道',
    '新闻', '警方', '警惕', '提醒', '举报', '清理整顿', '可开具正规发票', '正规发票', '提供正规发票', '开具发票', '税务局',
    '冰箱', '冰柜', '冰淇淋', '冰激凌', '冰块', '冰糖', '冰红茶', '冰雪', '滑冰', '冰球', '冰镇', '溜冰场', '冰粉'].map((phrase) => ({ phrase, lang: 'zh' as const })),
];
