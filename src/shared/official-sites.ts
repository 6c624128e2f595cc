import type { z } from 'zod/mini';
import type { officialSiteSchema } from './settings';
import { CATEGORY_IDS, type Category } from './taxonomy';

export type OfficialSite = z.infer<typeof officialSiteSchema>;

const ALL_BUT_CSAM = CATEGORY_IDS.filter((id) => id !== 'child-sexual-abuse');

/**
 * Official reporting sites shipped by default. Each URL was checked against a public source cited in
 * docs/OFFICIAL-SITES.md; operators replace or extend the list through `settings.officialSites`.
 */
export const DEFAULT_OFFICIAL_SITES: OfficialSite[] = [
  { name: '公安部网络违法犯罪举报网站', country: 'CN', url: 'http://www.cyberpolice.cn/', categories: [...ALL_BUT_CSAM] },
  { name: '中央网信办违法和不良信息举报中心 (12377)', country: 'CN', url: 'https://www.12377.cn/', categories: [...CATEGORY_IDS] },
  { name: 'NCMEC CyberTipline', country: 'US', url: 'https://report.cybertip.org/', categories: ['child-sexual-abuse'] },
  { name: 'Internet Watch Foundation', country: 'GB', url: 'https://report.iwf.org.uk/', categories: ['child-sexual-abuse'] },
];

export function sitesFor(category: Category, sites: readonly OfficialSite[] = DEFAULT_OFFICIAL_SITES): OfficialSite[] {
  return sites.filter((site) => site.categories.length === 0 || site.categories.includes(category));
}
