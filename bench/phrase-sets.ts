import { BUILTIN_PHRASE_LISTS } from '../src/phrases';
import type { Category } from '../src/shared/taxonomy';

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 'te', 'ra', 'no', 'vi', 'sha', 'quo', 'bex', 'dru'];
const HANZI = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.split('');

/** The built-in phrases first, then invented ones (that never occur in the generated text) up to `count`. */
export function benchPhrases(count: number): { phrase: string; category: Category; strength: 'strong' | 'weak' }[] {
  const builtIn = BUILTIN_PHRASE_LISTS.flatMap((list) => list.entries).map((e) => ({ phrase: e.phrase, category: e.category, strength: e.strength }));
  const out = builtIn.slice(0, count);
  for (let i = 0; out.length < count; i++) {
    const latin = `${SYLLABLES[i % 12]}${SYLLABLES[(i >> 2) % 12]}${SYLLABLES[(i >> 4) % 12]} ${SYLLABLES[(i >> 6) % 12]}${i}`;
    const han = `${HANZI[i % 22]}${HANZI[(i >> 3) % 22]}${HANZI[(i >> 5) % 22]}${HANZI[(i >> 7) % 22]}`;
    out.push({ phrase: i % 2 ? latin : han, category: 'other', strength: 'strong' });
  }
  return out;
}
