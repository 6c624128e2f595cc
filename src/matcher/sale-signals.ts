/**
 * Sale-intent signals found by pattern in a normalised block (lower case, half-width, whitespace
 * collapsed): prices and contact handles. Sale-intent words ("出售", "for sale") come from the
 * caller's word lists through the automaton, not from here.
 */

export type SignalKind = 'price' | 'contact' | 'sale-word';
export type SignalType = 'price' | 'qq' | 'wechat' | 'telegram' | 'wickr' | 'whatsapp' | 'phone' | 'sale-word';

/** A signal in normalised coordinates. */
export interface SaleSignal {
  kind: SignalKind;
  type: SignalType;
  start: number;
  end: number;
  /** The matched text, as normalised. */
  value: string;
}

interface Rule {
  kind: SignalKind;
  type: SignalType;
  re: RegExp;
}

// Latin keywords must not be the tail of a longer word ("bqq", "dtg").
const L = '(?<![0-9a-z])';
const NUM = '\\d[\\d,]*(?:\\.\\d+)?';
const MULT = '(?:\\s?[kw万千])?';
const CURRENCY_WORD = '(?:usdt|usd|rmb|cny|btc|eth|xmr|eur|gbp)';
const COLON = '\\s?:?\\s?';

const RULES: readonly Rule[] = [
  { kind: 'price', type: 'price', re: new RegExp(`[¥$€£]\\s?${NUM}${MULT}`, 'g') },
  {
    kind: 'price',
    type: 'price',
    re: new RegExp(
      `(?<![\\d.,a-z])${NUM}${MULT}\\s?(?:元|块|美元|美金|${CURRENCY_WORD}|dollars?|bucks|euros?|[¥$€£](?!\\s?\\d))(?![a-z])`,
      'g',
    ),
  },
  { kind: 'price', type: 'price', re: new RegExp(`${L}${CURRENCY_WORD}\\s?${NUM}${MULT}`, 'g') },
  { kind: 'price', type: 'price', re: new RegExp(`(?:价格|售价|单价|价钱|报价|${L}price)${COLON}${NUM}`, 'g') },
  { kind: 'contact', type: 'qq', re: new RegExp(`(?:${L}qq|扣扣|企鹅)(?:号码?)?${COLON}[1-9]\\d{4,10}(?!\\d)`, 'g') },
  {
    kind: 'contact',
    type: 'wechat',
    re: new RegExp(
      `(?:${L}(?:wechat|weixin|vx|wx)|v信|微信|威信|薇信|徽信|加v)(?:号)?${COLON}(?:[a-z][-_a-z0-9]{5,19}|\\+?\\d{5,13})(?![-_a-z0-9])`,
      'g',
    ),
  },
  {
    kind: 'contact',
    type: 'telegram',
    re: new RegExp(`(?:${L}(?:telegram|tg)|电报|纸飞机|飞机)(?:号)?${COLON}@?[a-z][a-z0-9_]{3,31}(?![a-z0-9_])`, 'g'),
  },
  { kind: 'contact', type: 'telegram', re: new RegExp(`${L}t\\.me/[a-z][a-z0-9_]{3,31}`, 'g') },
  { kind: 'contact', type: 'wickr', re: new RegExp(`${L}wickr(?:\\s?(?:me|id))?${COLON}@?[a-z0-9][a-z0-9_.-]{2,31}`, 'g') },
  {
    kind: 'contact',
    type: 'whatsapp',
    re: new RegExp(`(?:${L}whats\\s?app|${L}wa\\.me/)${COLON}\\+?\\d[\\d\\s-]{6,16}\\d(?!\\d)`, 'g'),
  },
  // Chinese mobile numbers: 1[3-9] and nine more digits, optionally as 138-1234-5678 or with +86.
  { kind: 'contact', type: 'phone', re: /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g },
  { kind: 'contact', type: 'phone', re: /(?<![\d+])\+\d{1,3}[-\s]?(?:\(?\d{1,4}\)?[-\s]?)?\d{3,4}[-\s]?\d{3,4}(?!\d)/g },
];

/**
 * Prices and contact handles in `text`, ordered by start. Overlapping spans of the same kind are
 * merged ("售价 200元" is one price; a WeChat id that is also a phone number is one contact), so
 * that one handle is never counted twice.
 */
export function detectSaleSignals(text: string): SaleSignal[] {
  const found: SaleSignal[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      found.push({ kind: rule.kind, type: rule.type, start, end: start + m[0].length, value: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SaleSignal[] = [];
  const last: Partial<Record<SignalKind, SaleSignal>> = {};
  for (const s of found) {
    const prev = last[s.kind];
    if (prev && s.start < prev.end) {
      if (s.end > prev.end) {
        prev.end = s.end;
        prev.value = text.slice(prev.start, prev.end);
      }
      continue;
    }
    out.push(s);
    last[s.kind] = s;
  }
  return out;
}
