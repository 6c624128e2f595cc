import type { Match } from '../shared/report';
import { t } from '../shared/i18n';
import { CATEGORY_COLOURS, categoryMessageKey, type Category } from '../shared/taxonomy';

export function groupMatches(matches: readonly Match[]): [Category, Match[]][] {
  const groups = new Map<Category, Match[]>();
  for (const match of matches) {
    const list = groups.get(match.category) ?? [];
    list.push(match);
    groups.set(match.category, list);
  }
  const total = (list: Match[]) => list.reduce((n, m) => n + m.count, 0);
  return [...groups.entries()]
    .map(([category, list]) => [category, list.sort((a, b) => b.count - a.count)] as [Category, Match[]])
    .sort((a, b) => total(b[1]) - total(a[1]));
}

/** Most-matched category first: the form's pre-selection. */
export function topCategory(matches: readonly Match[]): Category | null {
  return groupMatches(matches)[0]?.[0] ?? null;
}

export function MatchList({ matches, onPick }: { matches: readonly Match[]; onPick: (phrase: string) => void }) {
  if (matches.length === 0) return <p class="muted">{t('noMatches')}</p>;
  return (
    <ul class="matches" aria-label={t('matchesHeading')}>
      {groupMatches(matches).map(([category, list]) => (
        <li key={category}>
          <span class="cat">
            <span class="swatch" style={{ background: CATEGORY_COLOURS[category] }} aria-hidden="true" />
            {t(categoryMessageKey(category))} ({list.reduce((n, m) => n + m.count, 0)})
          </span>
          <div>
            {list.slice(0, 12).map((match) => (
              <button type="button" class="phrase" key={match.phrase} title={t('scrollToPhrase')} onClick={() => onPick(match.phrase)}>
                {match.phrase} ×{match.count}
              </button>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
