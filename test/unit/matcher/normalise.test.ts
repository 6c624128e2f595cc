import { describe, expect, it } from 'vitest';
import { FOLD_SINGLE, foldKind, foldNormalised, foldedUnit } from '../../../src/matcher/char-fold';
import { normalise, normaliseText, sourceRange } from '../../../src/matcher/normalise';
import { traditionalTableSize } from '../../../src/matcher/trad-simp';

describe('normaliseText', () => {
  it.each([
    ['出 售 枪 支', '出售枪支'],
    ['出-售', '出售'],
    ['出 - 售', '出售'],
    ['出*售|枪/支', '出售枪支'],
    ['出\n\n  售', '出售'],
    ['f.a.k.e', 'fake'],
    ['f a k e', 'fake'],
    ['f-a-k-e', 'fake'],
    ['f . a . k . e id', 'fake id'],
    ['F_A_K_E', 'fake'],
  ])('tolerates separators used for evasion: %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('keeps ordinary word spaces in Latin text', () => {
    expect(normaliseText('a fake id')).toBe('a fake id');
    expect(normaliseText('buy a gun now')).toBe('buy a gun now');
    expect(normaliseText('fake  id\t\ncard')).toBe('fake id card');
  });

  it('does not turn decimals into integers', () => {
    expect(normaliseText('3.5元')).toBe('3.5元');
    expect(normaliseText('$1.5')).toBe('$1.5');
  });

  it('does not join a single letter to a longer word', () => {
    expect(normaliseText('a.fake')).toBe('a.fake');
    expect(normaliseText('x y zed')).toBe('xy zed');
  });

  it('applies NFKC and case folding (full-width, ligatures, compatibility forms)', () => {
    expect(normaliseText('ＦＡＫＥ　ＩＤ')).toBe('fake id');
    expect(normaliseText('ﬁle')).toBe('file');
    expect(normaliseText('㎏')).toBe('kg');
    expect(normaliseText('ＱＱ：１２３４５６')).toBe('qq:123456');
    expect(normaliseText('e\u0301')).toBe('\u00e9');
    expect(normaliseText('𝐟𝐚𝐤𝐞')).toBe('fake');
  });

  it('removes zero-width characters and soft hyphens', () => {
    for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']) {
      expect(normaliseText(`fa${zw}ke`)).toBe('fake');
      expect(normaliseText(`出${zw}售`)).toBe('出售');
    }
  });

  it('folds traditional to simplified Chinese', () => {
    expect(normaliseText('出售槍支彈藥')).toBe('出售枪支弹药');
    expect(normaliseText('身份證 銀行卡 發票 賣 買 軟體 機器 販毒 製爆炸')).toBe('身份证银行卡发票卖买软体机器贩毒制爆炸');
    expect(normaliseText('劍弩警械 偽造 資訊 個人 腎臟 器官 色情 淫穢')).toBe('剑弩警械伪造资讯个人肾脏器官色情淫秽');
    expect(normaliseText('號碼')).toBe('号码');
    expect(traditionalTableSize()).toBeGreaterThanOrEqual(400);
  });

  it('leaves simplified text unchanged', () => {
    const s = '出售枪支弹药，身份证，银行卡，代开发票';
    expect(normaliseText(s)).toBe(s.replace('，', ',').replace('，', ',').replace('，', ','));
  });
});

describe('normalise offset map', () => {
  it('maps each normalised unit to its source characters', () => {
    const src = 'Ｆ.a\u200b.k.e 槍';
    const nt = normalise(src);
    expect(nt.text).toBe('fake 枪');
    const r = sourceRange(nt, 0, 4);
    expect(src.slice(r.start, r.end)).toBe('Ｆ.a\u200b.k.e');
    const g = sourceRange(nt, 5, 6);
    expect(src.slice(g.start, g.end)).toBe('槍');
  });

  it('maps an NFKC expansion to the whole source character', () => {
    const nt = normalise('x ㎏ y');
    expect(nt.text).toBe('x kg y');
    expect(sourceRange(nt, 2, 3)).toEqual({ start: 2, end: 3 });
    expect(sourceRange(nt, 3, 4)).toEqual({ start: 2, end: 3 });
  });

  it('maps a contraction (base + combining mark) to both source units', () => {
    const nt = normalise('cafe\u0301 x');
    expect(nt.text).toBe('caf\u00e9 x');
    expect(sourceRange(nt, 3, 4)).toEqual({ start: 3, end: 5 });
    expect(sourceRange(nt, 5, 6)).toEqual({ start: 6, end: 7 });
  });

  it('keeps astral characters whole', () => {
    const src = '出 𠀀 售😀';
    const nt = normalise(src);
    expect(nt.text).toBe('出𠀀售😀');
    const r = sourceRange(nt, 1, 3);
    expect(src.slice(r.start, r.end)).toBe('𠀀');
  });
});

describe('ASCII folding known before the first page', () => {
  it('matches what learning each character would give', () => {
    for (let code = 0; code < 0x80; code++) {
      const learnt = foldNormalised(String.fromCharCode(code).normalize('NFKC'));
      expect(foldKind(code), `U+${code.toString(16)}`).toBe(FOLD_SINGLE);
      expect(String.fromCharCode(foldedUnit(code)), `U+${code.toString(16)}`).toBe(learnt);
    }
  });
});

describe('Han folding without normalize()', () => {
  it('gives every unified ideograph what NFKC, case folding and the traditional table give', () => {
    for (const [from, to] of [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
    ] as const) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        expect(ch.normalize('NFKC').toLowerCase(), `U+${code.toString(16)}`).toBe(ch);
        expect(foldKind(code)).toBe(FOLD_SINGLE);
        expect(foldedUnit(code)).toBe(foldNormalised(ch).charCodeAt(0));
      }
    }
  });
});
