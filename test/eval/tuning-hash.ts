import { createHash } from 'node:crypto';
import { readPage, type CorpusPage } from './corpus';

/**
 * A digest of the tuning pages (names, labels and text): the offer gate's model records the one it was
 * trained on (scripts/train/offer-gate.train.ts), and the evaluation checks that it is today's tuning set.
 */
export function tuningHash(tuning: readonly CorpusPage[]): string {
  const hash = createHash('sha256');
  for (const page of [...tuning].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    hash.update(`${page.file}\0${page.label}\0`);
    hash.update(readPage(page));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}
