/**
 * A forum page of eight posts, each with a link to its thread; post 3 is a listing. The pick-mode
 * tests in Chromium and Firefox (test/e2e/pick-listing.test.ts, firefox-pick-listing.test.ts) use it.
 */
const POSTS = Array.from({ length: 8 }, (_, i) => {
  const n = i + 1;
  const body = n === 3 ? 'Fake passports for sale, real-looking, $450 each. Telegram @docs_seller' : `Ride report number ${n}: the trail was muddy but fine.`;
  return `<article class="post" id="post-${n}" style="border:1px solid #bbb;margin:12px;padding:12px;height:${110 + n * 5}px">
<h2><a href="/thread/${n}">Post ${n}</a></h2><p>${body}</p></article>`;
}).join('\n');

export const FORUM = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bike forum</title></head>
<body style="margin:0"><header style="height:40px;background:#eee">Bike forum</header>${POSTS}</body></html>`;
