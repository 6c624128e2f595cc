import type { CorpusPage } from './corpus';
import type { PageVerdict } from './judge';

/* Page-level scores of a set of judged pages: a page is flagged when the badge would show a number. */

export interface Judged {
  page: CorpusPage;
  heldOut: boolean;
  verdict: PageVerdict;
}

export interface Score {
  listings: number;
  found: number;
  benign: number;
  falseAlarms: number;
  /** Listings found / listings; NaN without listings. */
  recall: number;
  /** Benign pages flagged / benign pages; NaN without benign pages. */
  falseAlarmRate: number;
  /** Listings found / pages flagged. */
  precision: number;
}

export const flagged = (judged: Judged) => judged.verdict.suspectBlocks > 0;

export function score(judged: readonly Judged[]): Score {
  const listings = judged.filter((j) => j.page.label === 'listing');
  const benign = judged.filter((j) => j.page.label === 'benign');
  const found = listings.filter(flagged).length;
  const falseAlarms = benign.filter(flagged).length;
  return {
    listings: listings.length,
    found,
    benign: benign.length,
    falseAlarms,
    recall: listings.length ? found / listings.length : NaN,
    falseAlarmRate: benign.length ? falseAlarms / benign.length : NaN,
    precision: found + falseAlarms ? found / (found + falseAlarms) : NaN,
  };
}

const pct = (value: number) => (Number.isNaN(value) ? '   -  ' : `${(value * 100).toFixed(1).padStart(5)}%`);

export function scoreLine(name: string, s: Score): string {
  return `${name.padEnd(28)} listings ${String(s.found).padStart(3)}/${String(s.listings).padEnd(3)} recall ${pct(s.recall)}   benign ${String(s.falseAlarms).padStart(3)}/${String(s.benign).padEnd(3)} false alarms ${pct(s.falseAlarmRate)}   precision ${pct(s.precision)}`;
}

/** Why a page was judged wrong: the suspect blocks of a false alarm, what was seen of a missed listing. */
export function reasons(judged: Judged): string[] {
  const { verdict, page } = judged;
  const describe = (block: PageVerdict['blocks'][number]) =>
    `${block.suspect ? 'suspect' : 'not suspect'}: ${block.phrases.map((p) => `"${p.text}" (${p.category}, ${p.strength})`).join(', ')} in «${block.excerpt}»`;
  if (page.label === 'benign') return verdict.blocks.filter((block) => block.suspect).map(describe);
  if (verdict.blocks.length === 0) return ['no phrase found'];
  return verdict.blocks.map(describe);
}
