// @vitest-environment happy-dom
import { it } from 'vitest';
import { loadCorpus, readPage } from './corpus';
import { judgePage } from './judge';

it('debug pages', { timeout: 600_000 }, async () => {
  const want = (process.env.DBG_PAGES ?? '').split(',').filter(Boolean);
  const pages = loadCorpus().filter((p) => want.some((w) => p.file.includes(w)));
  for (const page of pages) {
    const v = await judgePage(readPage(page));
    console.log(`== ${page.file} [${page.label}${page.label === 'listing' ? ' ' + page.category : ''}] suspectBlocks=${v.suspectBlocks}`);
    for (const b of v.blocks) console.log(`  ${b.suspect ? 'S' : '-'} ${b.phrases.map((p) => `"${p.text}"(${p.category.slice(0, 6)},${p.strength})`).join(' ')} «${b.excerpt}»`);
  }
});
