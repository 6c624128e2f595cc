/** Builds benchmark pages: listing-like posts of mixed English and Chinese text, ~100 chars a node. */
const EN = ['the', 'garden', 'market', 'bicycle', 'river', 'window', 'coffee', 'station', 'winter', 'yellow', 'guitar', 'office', 'pencil', 'summer', 'travel', 'kitchen'];
const ZH = ['今天', '天气', '市场', '自行车', '河边', '窗户', '咖啡', '车站', '冬天', '黄色', '吉他', '办公室', '铅笔', '夏天', '旅行', '厨房'];

function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

function sentence(random: () => number, length: number): string {
  const out: string[] = [];
  let size = 0;
  const chinese = random() < 0.4;
  while (size < length) {
    const word = chinese ? ZH[Math.floor(random() * ZH.length)]! : EN[Math.floor(random() * EN.length)]!;
    out.push(word);
    size += word.length + (chinese ? 0 : 1);
  }
  return out.join(chinese ? '' : ' ');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A page of about `bytes` of text in about bytes/100 text nodes, with `plants` real listings mixed in. */
export function generatePage(bytes: number, plants: readonly string[], seed = 7): string {
  const random = prng(seed);
  const posts: string[] = [];
  let size = 0;
  let planted = 0;
  while (size < bytes) {
    const parts = [sentence(random, 30), sentence(random, 110), sentence(random, 110), sentence(random, 60)];
    if (random() < 0.002 && plants.length) parts[1] = `${plants[planted++ % plants.length]} 价格 1800元 微信 abc${planted}`;
    size += parts.reduce((n, p) => n + p.length, 0);
    posts.push(`<li><h3>${escapeText(parts[0]!)}</h3><p>${escapeText(parts[1]!)}</p><p>${escapeText(parts[2]!)}</p><span>${escapeText(parts[3]!)}</span></li>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench ${bytes}</title></head><body><ul>${posts.join('')}</ul></body></html>`;
}
