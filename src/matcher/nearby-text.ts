import { findContactHandles } from './contact-handles';
import { normaliseText } from './normalise';

/*
 * The text just before and after a block, as the content script sends it with the block: the text
 * before, a line break, the text after, one line per element (src/content/exact-scan.ts, nearbyText).
 */

/**
 * A report's words that introduce a quotation at the end of the text before a block ("广告原文如下：",
 * "挂着如下文字，记者截图留存：", "A recent post read:"): the block is the advert, quoted word for word
 * without quotation marks.
 */
const QUOTE_LEAD_IN = /(?:(?:(?<!(?:通告|公告|通知|规定|决定|要求|意见|办法|事项|说明|声明|提醒|公示)\s?)如下|原文|写道|写着|内容为|宣传语|广告语)[^。!?;]{0,12}|(?<![a-z])(?:reads?|said|says|stated|wrote|posted|as follows))\s?:\s?$/;

/**
 * Messenger handles (not e-mail addresses or phone numbers) on either side of the block. Each side is
 * read alone: a handle is not made of the end of one and the start of the other.
 */
export function nearbyHandles(nearby: string): number {
  let count = 0;
  for (const side of nearby.split('\n')) {
    if (side) count += findContactHandles(normaliseText(side)).filter((handle) => handle.type !== 'email' && handle.type !== 'phone').length;
  }
  return count;
}

/** Messenger handles in the text just before the block and in the first element after it: its neighbours. */
export function adjacentHandles(nearby: string): number {
  return nearbyHandles(nearby.split('\n', 2).join('\n'));
}

/** Messenger handles in the text after the block alone. */
export function handlesAfter(nearby: string): number {
  const lineBreak = nearby.indexOf('\n');
  if (lineBreak < 0) return 0;
  return nearbyHandles(nearby.slice(lineBreak + 1));
}

/** Does a block's own (normalised) text end by introducing a quotation ("该平台的宣传内容原文如下：")? */
export function endsWithLeadIn(text: string): boolean {
  return QUOTE_LEAD_IN.test(text.trimEnd());
}

/** Does the text before the block end by introducing a quotation? */
export function introducesQuote(nearby: string): boolean {
  const lineBreak = nearby.indexOf('\n');
  return endsWithLeadIn(normaliseText(lineBreak < 0 ? nearby : nearby.slice(0, lineBreak)));
}
